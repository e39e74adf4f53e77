package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.core.Tenant;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.ChannelKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link PortalTenant}, shared by tenant files and the tenant table: reading collects every
 * problem with its line, column and JSON pointer instead of stopping at the first; writing produces what reading
 * accepts. The format is published as {@code de/ozgsdk/portal/tenant/tenant.schema.json}.
 */
final class TenantJson {

    /** Largest configuration accepted, in bytes. */
    static final int MAX_BYTES = 256 * 1024;
    /** Largest logo accepted, in bytes. */
    static final int MAX_LOGO_BYTES = 512 * 1024;

    static final List<String> ROOT_KEYS = List.of("$schema", "id", "regionalKey", "name", "branding", "services",
            "languages", "paymentAccount", "servicePaymentAccounts", "postboxSender", "backOffice");
    static final List<String> BRANDING_KEYS = List.of("logo", "primaryColour", "accentColour");
    static final List<String> LOGO_KEYS = List.of("file", "mediaType", "alt");
    static final List<String> ACCOUNT_KEYS = List.of("mandant", "bewirtschafter", "haushaltsstelle", "objektnummer");
    static final List<String> BACK_OFFICE_KEYS = List.of("channel", "destination");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Where the bytes of a logo come from: a file beside the tenant file, or the tenant table's column. */
    interface LogoSource {
        /**
         * The bytes of the logo; {@code file} is the value of {@code logo.file}, if given.
         *
         * @throws IllegalArgumentException with a message for the problem list when there are none
         */
        byte[] read(Optional<String> file);
    }

    private TenantJson() {
    }

    /**
     * Reads one tenant, adding every problem to {@code problems}; empty when there was at least one.
     *
     * @param source how problems name the document
     */
    static Optional<PortalTenant> read(byte[] json, String source, LogoSource logos, List<TenantFileProblem> problems) {
        Reading reading = new Reading(source, problems);
        if (json.length > MAX_BYTES) {
            reading.problem("", "the configuration is larger than " + MAX_BYTES + " bytes");
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
            reading.locate(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            problems.add(new TenantFileProblem(source, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), "", "not well-formed JSON: "
                    + e.getOriginalMessage()));
            return Optional.empty();
        }
        if (root == null || root.isMissingNode()) {
            reading.problem("", "the document is empty; it must be one JSON object");
            return Optional.empty();
        }
        int before = problems.size();
        PortalTenant tenant = reading.tenant(root, logos);
        return problems.size() == before ? Optional.ofNullable(tenant) : Optional.empty();
    }

    /**
     * The JSON of {@code tenant}.
     *
     * @param logoFile the value of {@code logo.file} (for a tenant file); empty: the media type is written instead
     */
    static String write(PortalTenant tenant, Optional<String> logoFile) {
        ObjectNode root = MAPPER.createObjectNode();
        Tenant core = tenant.tenant();
        root.put("id", core.id().value());
        root.put("regionalKey", core.regionalKey().value());
        root.set("name", text(core.name()));
        ObjectNode branding = root.putObject("branding");
        tenant.branding().logo().ifPresent(logo -> {
            ObjectNode node = branding.putObject("logo");
            logoFile.ifPresentOrElse(file -> node.put("file", file), () -> node.put("mediaType", logo.mediaType()));
            node.set("alt", text(logo.alt()));
        });
        branding.put("primaryColour", tenant.branding().primaryColour());
        branding.put("accentColour", tenant.branding().accentColour());
        ArrayNode services = root.putArray("services");
        tenant.services().stream().sorted().forEach(services::add);
        ArrayNode languages = root.putArray("languages");
        tenant.languages().forEach(language -> languages.add(language.toLanguageTag()));
        tenant.defaultPaymentAccount().ifPresent(account -> root.set("paymentAccount", account(account)));
        if (!tenant.servicePaymentAccounts().isEmpty()) {
            ObjectNode accounts = root.putObject("servicePaymentAccounts");
            tenant.servicePaymentAccounts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> accounts.set(e.getKey(), account(e.getValue())));
        }
        tenant.postboxSender().ifPresent(sender -> root.put("postboxSender", sender));
        ObjectNode backOffice = root.putObject("backOffice");
        tenant.backOfficeDestinations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode node = backOffice.putObject(e.getKey());
            node.put("channel", e.getValue().channel().name());
            node.put("destination", e.getValue().destination());
        });
        return root.toPrettyString();
    }

    private static ObjectNode text(LocalizedText text) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("de", text.german());
        text.locales().stream().filter(l -> !l.getLanguage().equals("de"))
                .sorted((a, b) -> a.toLanguageTag().compareTo(b.toLanguageTag()))
                .forEach(l -> node.put(l.toLanguageTag(), text.get(l)));
        return node;
    }

    private static ObjectNode account(PaymentAccount account) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mandant", account.mandant());
        node.put("bewirtschafter", account.bewirtschafter());
        node.put("haushaltsstelle", account.haushaltsstelle());
        account.objektnummer().ifPresent(o -> node.put("objektnummer", o));
        return node;
    }

    /** Whether {@code bytes} are what {@code mediaType} says, and free of active content where that matters. */
    static Optional<String> logoProblem(byte[] bytes, String mediaType) {
        if (bytes.length == 0) {
            return Optional.of("the logo is empty");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            return Optional.of("the logo is larger than " + MAX_LOGO_BYTES + " bytes");
        }
        if ("image/png".equals(mediaType)) {
            return bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), PNG_SIGNATURE) ? Optional.empty()
                    : Optional.of("the logo is not a PNG image (its first bytes are not the PNG signature)");
        }
        String svg = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (!svg.contains("<svg")) {
            return Optional.of("the logo is not an SVG image (no <svg> element)");
        }
        // An SVG opened directly runs its scripts in the portal's origin: a logo must be a picture, nothing more.
        if (svg.contains("<script") || svg.contains("javascript:") || svg.matches("(?s).*\\son[a-z]+\\s*=.*")
                || svg.contains("<!entity") || svg.contains("<foreignobject")) {
            return Optional.of("the SVG logo contains script, event handlers, entities or foreignObject;"
                    + " export it as a plain picture");
        }
        return Optional.empty();
    }

    /** The state of reading one document: where its values are and the problems found so far. */
    private static final class Reading {
        private final String source;
        private final List<TenantFileProblem> problems;
        private final Map<String, int[]> positions = new HashMap<>();

        Reading(String source, List<TenantFileProblem> problems) {
            this.source = source;
            this.problems = problems;
        }

        /** Records line and column of every value by its JSON pointer (the tree itself keeps no positions). */
        void locate(byte[] json) {
            try (JsonParser parser = MAPPER.createParser(json)) {
                if (parser.nextToken() != null) {
                    walk(parser, "");
                }
            }
        }

        private void walk(JsonParser parser, String pointer) {
            TokenStreamLocation at = parser.currentTokenLocation();
            positions.put(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    walk(parser, pointer + "/" + escape(name));
                }
            } else if (parser.currentToken() == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    walk(parser, pointer + "/" + index++);
                }
            }
        }

        void problem(String pointer, String message) {
            String located = pointer;
            while (!positions.containsKey(located) && !located.isEmpty()) {
                located = located.substring(0, located.lastIndexOf('/'));
            }
            int[] at = positions.getOrDefault(located, new int[] {1, 1});
            problems.add(new TenantFileProblem(source, at[0], at[1], pointer, message));
        }

        PortalTenant tenant(JsonNode root, LogoSource logos) {
            if (!object(root, "")) {
                return null;
            }
            knownKeys(root, "", ROOT_KEYS);
            Optional<RegionalKey> key = requiredText(root, "", "regionalKey").flatMap(
                    text -> attempt("/regionalKey", () -> RegionalKey.parse(text)));
            Optional<LocalizedText> name = localized(root.get("name"), "/name", true);
            Optional<TenantId> id = optionalText(root, "", "id").map(
                    text -> attempt("/id", () -> TenantId.parse(text))).orElseGet(() -> key.map(TenantId::of));
            Optional<Branding> branding = branding(root.get("branding"), logos);
            if (key.isEmpty() || name.isEmpty() || id.isEmpty()) {
                collectTheRest(root, null);
                return null;
            }
            PortalTenant.Builder builder = PortalTenant.builder(new Tenant(id.get(), key.get(), name.get()));
            branding.ifPresent(builder::branding);
            collectTheRest(root, builder);
            try {
                return builder.build();
            } catch (InvalidInputException e) {
                problem("", describe(e));
                return null;
            }
        }

        /** Reads the parts after the name; with a null builder only to report their problems too. */
        private void collectTheRest(JsonNode root, PortalTenant.Builder builder) {
            Consumer<Consumer<PortalTenant.Builder>> apply = step -> {
                if (builder != null) {
                    step.accept(builder);
                }
            };
            strings(root.get("services"), "/services").forEach(
                    (pointer, service) -> attemptStep(pointer, () -> apply.accept(b -> b.service(service))));
            strings(root.get("languages"), "/languages").forEach((pointer, tag) -> {
                Locale locale = Locale.forLanguageTag(tag);
                if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equals(tag)
                        || !locale.getCountry().isEmpty()) {
                    problem(pointer, "\"" + tag + "\" is not a language code such as de or en");
                } else {
                    apply.accept(b -> b.language(locale));
                }
            });
            JsonNode account = root.get("paymentAccount");
            if (account != null) {
                account(account, "/paymentAccount").ifPresent(a -> apply.accept(b -> b.paymentAccount(a)));
            }
            eachProperty(root.get("servicePaymentAccounts"), "/servicePaymentAccounts", (service, node, pointer) ->
                    account(node, pointer).ifPresent(a -> attemptStep(pointer,
                            () -> apply.accept(b -> b.paymentAccount(service, a)))));
            optionalText(root, "", "postboxSender").ifPresent(sender -> attemptStep("/postboxSender",
                    () -> apply.accept(b -> b.postboxSender(sender))));
            eachProperty(root.get("backOffice"), "/backOffice", (service, node, pointer) ->
                    backOffice(node, pointer).ifPresent(d -> attemptStep(pointer,
                            () -> apply.accept(b -> b.backOffice(service, d)))));
        }

        private Optional<Branding> branding(JsonNode node, LogoSource logos) {
            if (node == null) {
                return Optional.empty();
            }
            if (!object(node, "/branding")) {
                return Optional.empty();
            }
            knownKeys(node, "/branding", BRANDING_KEYS);
            Optional<String> primary = requiredText(node, "/branding", "primaryColour");
            Optional<String> accent = requiredText(node, "/branding", "accentColour");
            Optional<Optional<Branding.Logo>> logo = logo(node.get("logo"), logos);
            if (primary.isEmpty() || accent.isEmpty() || logo.isEmpty()) {
                return Optional.empty();
            }
            Optional<Branding> branding = attempt("/branding", () -> new Branding(logo.get(), primary.get(),
                    accent.get()));
            branding.ifPresent(b -> attempt("/branding/accentColour", () -> {
                ColourContrast.check(b);
                return b;
            }));
            return branding;
        }

        /** Empty: a problem; a present empty optional: no logo configured. */
        private Optional<Optional<Branding.Logo>> logo(JsonNode node, LogoSource logos) {
            if (node == null) {
                return Optional.of(Optional.empty());
            }
            String at = "/branding/logo";
            if (!object(node, at)) {
                return Optional.empty();
            }
            knownKeys(node, at, LOGO_KEYS);
            Optional<String> file = optionalText(node, at, "file");
            Optional<String> mediaType = optionalText(node, at, "mediaType")
                    .or(() -> file.flatMap(TenantJson::mediaTypeOf));
            if (mediaType.isEmpty()) {
                problem(at, "give \"mediaType\" (image/png or image/svg+xml) or a \"file\" ending in .png or .svg");
            }
            Optional<LocalizedText> alt = localized(node.get("alt"), at + "/alt", true);
            byte[] bytes;
            try {
                bytes = logos.read(file);
            } catch (IllegalArgumentException e) {
                problem(at + (file.isPresent() ? "/file" : ""), e.getMessage());
                return Optional.empty();
            }
            if (mediaType.isEmpty() || alt.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> wrong = logoProblem(bytes, mediaType.get());
            if (wrong.isPresent()) {
                problem(at + (file.isPresent() ? "/file" : ""), wrong.get());
                return Optional.empty();
            }
            return attempt(at, () -> Optional.of(new Branding.Logo(bytes, mediaType.get(), alt.get())));
        }

        private Optional<PaymentAccount> account(JsonNode node, String at) {
            if (!object(node, at)) {
                return Optional.empty();
            }
            knownKeys(node, at, ACCOUNT_KEYS);
            Optional<String> mandant = requiredText(node, at, "mandant");
            Optional<String> bewirtschafter = requiredText(node, at, "bewirtschafter");
            Optional<String> haushaltsstelle = requiredText(node, at, "haushaltsstelle");
            Optional<String> objektnummer = optionalText(node, at, "objektnummer");
            if (mandant.isEmpty() || bewirtschafter.isEmpty() || haushaltsstelle.isEmpty()) {
                return Optional.empty();
            }
            return attempt(at, () -> new PaymentAccount(mandant.get(), bewirtschafter.get(), haushaltsstelle.get(),
                    objektnummer));
        }

        private Optional<BackOfficeDestination> backOffice(JsonNode node, String at) {
            if (!object(node, at)) {
                return Optional.empty();
            }
            knownKeys(node, at, BACK_OFFICE_KEYS);
            Optional<ChannelKind> channel = requiredText(node, at, "channel").flatMap(text -> {
                try {
                    return Optional.of(ChannelKind.valueOf(text));
                } catch (IllegalArgumentException e) {
                    problem(at + "/channel", "\"" + text + "\" is none of " + Arrays.toString(ChannelKind.values()));
                    return Optional.empty();
                }
            });
            Optional<String> destination = requiredText(node, at, "destination");
            if (channel.isEmpty() || destination.isEmpty()) {
                return Optional.empty();
            }
            return attempt(at + "/destination", () -> new BackOfficeDestination(channel.get(), destination.get()));
        }

        private Optional<LocalizedText> localized(JsonNode node, String at, boolean required) {
            if (node == null) {
                if (required) {
                    problem(at, "\"" + at.substring(at.lastIndexOf('/') + 1)
                            + "\" is missing: give an object of texts by language, at least {\"de\": \"...\"}");
                }
                return Optional.empty();
            }
            JsonNode german = node.get("de");
            if (!node.isObject() || german == null || !german.isString() || german.stringValue().isBlank()) {
                problem(at, "expected an object of texts by language with a German text, e.g. {\"de\": \"...\"}");
                return Optional.empty();
            }
            LocalizedText.Builder text = LocalizedText.builder(german.stringValue());
            boolean ok = true;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Locale locale = Locale.forLanguageTag(entry.getKey());
                if (locale.getLanguage().isEmpty() || !entry.getValue().isString()
                        || entry.getValue().stringValue().isBlank()) {
                    problem(at + "/" + escape(entry.getKey()), "expected a non-empty text under a language code");
                    ok = false;
                } else if (!"de".equals(entry.getKey())) {
                    text.put(locale, entry.getValue().stringValue());
                }
            }
            return ok ? Optional.of(text.build()) : Optional.empty();
        }

        private Map<String, String> strings(JsonNode node, String at) {
            Map<String, String> values = new LinkedHashMap<>();
            if (node == null) {
                return values;
            }
            if (!node.isArray()) {
                problem(at, "expected an array of strings");
                return values;
            }
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isString()) {
                    values.put(at + "/" + i, node.get(i).stringValue());
                } else {
                    problem(at + "/" + i, "expected a string");
                }
            }
            return values;
        }

        /** What to do with one property of an object keyed by service id. */
        private interface PropertyStep {
            void accept(String name, JsonNode value, String pointer);
        }

        private void eachProperty(JsonNode node, String at, PropertyStep step) {
            if (node == null || !object(node, at)) {
                return;
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                step.accept(entry.getKey(), entry.getValue(), at + "/" + escape(entry.getKey()));
            }
        }

        private boolean object(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "expected an object");
                return false;
            }
            return true;
        }

        private void knownKeys(JsonNode node, String at, List<String> allowed) {
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    problem(at + "/" + escape(name), "unknown key \"" + name + "\"; allowed here: "
                            + String.join(", ", allowed));
                }
            }
        }

        private Optional<String> requiredText(JsonNode node, String at, String key) {
            if (!node.has(key)) {
                problem(at + "/" + key, "\"" + key + "\" is missing");
                return Optional.empty();
            }
            return optionalText(node, at, key);
        }

        private Optional<String> optionalText(JsonNode node, String at, String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isString()) {
                problem(at + "/" + key, "expected a string");
                return Optional.empty();
            }
            return Optional.of(value.stringValue());
        }

        private void attemptStep(String pointer, Runnable step) {
            attempt(pointer, () -> {
                step.run();
                return Boolean.TRUE;
            });
        }

        private <T> Optional<T> attempt(String pointer, Supplier<T> step) {
            try {
                return Optional.of(step.get());
            } catch (OzgException e) {
                problem(pointer, describe(e));
                return Optional.empty();
            }
        }

        private static String describe(OzgException e) {
            // The model's own checks say "where, what" in their arguments; the rest carry a full sentence.
            if (e.code() == PortalError.TENANT_DEFINITION_INVALID && e.arguments().size() == 2) {
                return e.arguments().get(1);
            }
            return e.userMessage(Locale.ENGLISH);
        }

        private static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }
    }

    /** The media type of a logo file by its extension. */
    static Optional<String> mediaTypeOf(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return Optional.of("image/png");
        }
        if (lower.endsWith(".svg")) {
            return Optional.of("image/svg+xml");
        }
        return Optional.empty();
    }
}
