package de.ozgsdk.forms.rules;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.internal.rules.Echo;
import de.ozgsdk.forms.internal.rules.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads rule side files: JSON files in which a service author attaches executable rules to a Stammdatenschema
 * without touching the FIM file. Every error names the file, the JSON pointer of the rule (and its id) and, for
 * expressions, the column.
 *
 * <pre class="language-json">{@code
 * {
 *   "schema": "S05000058",
 *   "rules": [
 *     {"id": "R-parken-1", "kind": "required", "target": "G05000499", "when": "F05001047 == '02'"},
 *     {"id": "R-parken-2", "kind": "visible", "targets": ["G05000599"], "when": "F05001347 == '02'"},
 *     {"id": "R-parken-3", "kind": "constraint", "target": "F05001348", "check": "F05001348 >= today()",
 *      "message": {"de": "Der Beginn darf nicht in der Vergangenheit liegen.",
 *                  "en": "The start must not be in the past."}}
 *   ]
 * }
 * }</pre>
 *
 * <pre>{@code
 * RuleSet rules = FormRules.check(RuleFiles.read(dir.resolve("S05000058.rules.json")), schema); // ids, types
 * }</pre>
 */
public final class RuleFiles {

    /** Largest file accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Most rules accepted in one file. */
    public static final int MAX_RULES = 5000;

    private static final List<String> FILE_KEYS = List.of("schema", "rules");
    private static final List<String> RULE_KEYS =
            List.of("id", "kind", "target", "targets", "when", "check", "message", "description");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleFiles() {
    }

    /**
     * Reads a rule file.
     *
     * @throws ConfigurationException ({@link RuleError#FILE_UNREADABLE}) if the file cannot be read
     * @throws InvalidInputException ({@code OZG-RULE-3xx}, or {@link RuleSyntaxException} for expressions) if its
     *     content is wrong
     */
    public static RuleSet read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (IOException e) {
            throw new ConfigurationException(RuleError.FILE_UNREADABLE, e, source);
        }
    }

    /**
     * Reads a rule file from a stream, which stays open.
     *
     * @param source how messages name the file, e.g. {@code S05000058.rules.json}
     */
    public static RuleSet read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigurationException(RuleError.FILE_UNREADABLE, e, source);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(RuleError.FILE_TOO_LARGE, source, Integer.toString(MAX_BYTES));
        }
        return new Reading(source).file(tree(bytes, source));
    }

    private static JsonNode tree(byte[] bytes, String source) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException(RuleError.FILE_NOT_JSON, source, "1", "1");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String line = location == null ? "?" : Integer.toString(location.getLineNr());
            String column = location == null ? "?" : Integer.toString(location.getColumnNr());
            throw new InvalidInputException(RuleError.FILE_NOT_JSON, e, source, line, column);
        }
    }

    /** The state of reading one file: its name and the rule ids seen so far. */
    private static final class Reading {
        private final String source;
        private final Map<String, String> pointerById = new HashMap<>();

        Reading(String source) {
            this.source = source;
        }

        RuleSet file(JsonNode root) {
            requireObject(root, "");
            requireKnownKeys(root, "", FILE_KEYS);
            Optional<String> schema = optionalText(root, "", "schema");
            JsonNode rulesNode = root.get("rules");
            if (rulesNode == null) {
                throw new InvalidInputException(RuleError.FILE_MISSING_KEY, source, pointer(""), "rules");
            }
            if (!rulesNode.isArray()) {
                throw wrongType("/rules", "array");
            }
            if (rulesNode.size() > MAX_RULES) {
                throw new InvalidInputException(RuleError.FILE_TOO_MANY_RULES, source, Integer.toString(MAX_RULES));
            }
            List<ExecutableRule> rules = new ArrayList<>();
            for (int i = 0; i < rulesNode.size(); i++) {
                rules.add(rule(rulesNode.get(i), "/rules/" + i));
            }
            return schema.isPresent() ? RuleSet.of(schema.get(), rules) : RuleSet.of(rules);
        }

        private ExecutableRule rule(JsonNode node, String at) {
            requireObject(node, at);
            requireKnownKeys(node, at, RULE_KEYS);
            String id = requiredText(node, at, "id");
            String first = pointerById.putIfAbsent(id, at);
            if (first != null) {
                throw new InvalidInputException(RuleError.FILE_DUPLICATE_RULE_ID, source, pointer(at + "/id"),
                        Echo.quote(id), pointer(first));
            }
            RuleKind kind = kind(node, at);
            String expressionKey = kind == RuleKind.CONSTRAINT ? "check" : "when";
            String otherKey = kind == RuleKind.CONSTRAINT ? "when" : "check";
            if (node.has(otherKey)) {
                throw new InvalidInputException(RuleError.FILE_KEY_NOT_FOR_KIND, source, pointer(at + "/" + otherKey),
                        otherKey, kind.name().toLowerCase(Locale.ROOT), expressionKey);
            }
            String text = requiredText(node, at, expressionKey);
            String where = "\"" + id + "\" (" + located(at + "/" + expressionKey) + ")";
            RuleExpression condition = RuleExpression.parse(text, where);
            ExecutableRule.Builder builder = ExecutableRule.builder(id, kind, condition)
                    .origin(RuleOrigin.sideFile(located(at)));
            optionalText(node, at, "target").ifPresent(builder::target);
            targets(node, at).forEach(builder::target);
            message(node, at).ifPresent(builder::message);
            optionalText(node, at, "description").ifPresent(builder::description);
            return builder.build();
        }

        private RuleKind kind(JsonNode node, String at) {
            String kind = requiredText(node, at, "kind");
            switch (kind) {
                case "required":
                    return RuleKind.REQUIRED;
                case "visible":
                    return RuleKind.VISIBLE;
                case "constraint":
                    return RuleKind.CONSTRAINT;
                default:
                    throw new InvalidInputException(RuleError.FILE_UNKNOWN_KIND, source, pointer(at + "/kind"),
                            Echo.quote(kind));
            }
        }

        private List<String> targets(JsonNode node, String at) {
            JsonNode targets = node.get("targets");
            if (targets == null) {
                return List.of();
            }
            if (!targets.isArray()) {
                throw wrongType(at + "/targets", "array of strings");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (!targets.get(i).isString()) {
                    throw wrongType(at + "/targets/" + i, "string");
                }
                ids.add(targets.get(i).stringValue());
            }
            return ids;
        }

        private Optional<LocalizedText> message(JsonNode node, String at) {
            JsonNode message = node.get("message");
            if (message == null) {
                return Optional.empty();
            }
            String messageAt = at + "/message";
            JsonNode german = message.get("de");
            if (!message.isObject() || german == null || !german.isString() || german.stringValue().isBlank()) {
                throw new InvalidInputException(RuleError.FILE_MESSAGE_INVALID, source, pointer(messageAt));
            }
            LocalizedText.Builder text = LocalizedText.builder(german.stringValue());
            for (Map.Entry<String, JsonNode> field : message.properties()) {
                Locale locale = Locale.forLanguageTag(field.getKey());
                if (locale.getLanguage().isEmpty() || !field.getValue().isString()
                        || field.getValue().stringValue().isBlank()) {
                    throw new InvalidInputException(RuleError.FILE_MESSAGE_INVALID, source,
                            pointer(messageAt + "/" + field.getKey().replace("~", "~0").replace("/", "~1")));
                }
                text.put(locale, field.getValue().stringValue());
            }
            return Optional.of(text.build());
        }

        private void requireKnownKeys(JsonNode node, String at, List<String> allowed) {
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    throw new InvalidInputException(RuleError.FILE_UNKNOWN_KEY, source, pointer(at),
                            Echo.quote(name), String.join(", ", allowed),
                            Suggestions.closest(name, allowed).orElseThrow());
                }
            }
        }

        private void requireObject(JsonNode node, String at) {
            if (!node.isObject()) {
                throw wrongType(at, "object");
            }
        }

        private String requiredText(JsonNode node, String at, String key) {
            return optionalText(node, at, key).orElseThrow(
                    () -> new InvalidInputException(RuleError.FILE_MISSING_KEY, source, pointer(at), key));
        }

        private Optional<String> optionalText(JsonNode node, String at, String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isString()) {
                throw wrongType(at + "/" + key, "string");
            }
            return Optional.of(value.stringValue());
        }

        private InvalidInputException wrongType(String at, String expected) {
            return new InvalidInputException(RuleError.FILE_WRONG_TYPE, source, pointer(at), expected);
        }

        /** The JSON pointer (RFC 6901) of a place in the file, for messages that name the file anyway. */
        private static String pointer(String at) {
            return at.isEmpty() ? "/" : at;
        }

        /** File and pointer, for places named without the file: {@code rules.json#/rules/0}. */
        private String located(String at) {
            return source + "#" + pointer(at);
        }
    }
}
