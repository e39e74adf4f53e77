package de.ozgsdk.cli.internal;

import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.InlineValue;
import de.ozgsdk.forms.SchemaElement;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.service.BackOfficeTarget;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.Notifications;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code ozg service new} proposes for a FIM form, as the files of a service package held in memory: the
 * descriptor, the form and its code lists, translations stubbed from the FIM labels and the notification templates
 * with the SDK's default texts. Writing and checking the files is the command's job.
 */
final class ServiceScaffold {

    /** Marks every English text the scaffold could only copy from the German, so that a translator finds them all. */
    static final String TRANSLATE = "[translate] ";
    /** The descriptor schema's {@code $id}, so that an editor completes and checks {@code service.json}. */
    static final String SCHEMA_URI = "https://ozgsdk.de/schemas/portal/service-package-1.schema.json";
    static final String TRANSLATIONS_FILE = "form/translations.json";
    static final String CODE_LIST_DIRECTORY = "codelists";
    /** FIT-Connect is the transport of OZG applications; HTTPS is what a sandbox or an own intake receives. */
    static final List<ChannelKind> CHANNELS = List.of(ChannelKind.FIT_CONNECT, ChannelKind.HTTPS);

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LEIKA_IN_TEXT = Pattern.compile("(?<![0-9])[0-9]{14}(?![0-9])");
    private static final Pattern FIM_VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})"
            + "(?:\\.(0|[1-9][0-9]{0,8}))?");
    private static final int MAX_ID = 64;

    /**
     * The choices for one package.
     *
     * @param id        the service id
     * @param version   the service version
     * @param title     the German title
     * @param leikaKeys the Leika keys, the main one first
     * @param trust     the trust level; empty: no login
     * @param fee       a fixed fee; empty: free
     * @param formFile  the path of the FIM file in the package
     * @param formBytes the FIM file as given
     * @param codeLists the code list files by their name in the package's code list directory
     */
    record Settings(String id, String version, String title, List<LeikaKey> leikaKeys, Optional<TrustLevel> trust,
                    Optional<Money> fee, String formFile, byte[] formBytes, Map<String, byte[]> codeLists) {
    }

    /**
     * One proposed step.
     *
     * @param title       the German title (the group's label, or the form's without groups)
     * @param elements    the top-level element ids
     * @param looseFields how many of them are top-level fields outside any group
     */
    record Step(String title, List<String> elements, int looseFields) {
    }

    private ServiceScaffold() {
    }

    /**
     * One step per top-level group, titled with its label. Top-level fields outside groups usually introduce what
     * follows (a consent before the applicant's data), so a run of them joins the next group's step; a run after the
     * last group (date, signature, closing remarks) joins the last group's step. A form without groups is one step.
     */
    static List<Step> steps(FormSchema schema) {
        List<Step> steps = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (ElementRef ref : schema.children()) {
            pending.add(ref.id().id());
            if (ref.element() instanceof FieldGroup group) {
                steps.add(new Step(label(group.metadata()), List.copyOf(pending), pending.size() - 1));
                pending.clear();
            }
        }
        if (steps.isEmpty()) {
            return List.of(new Step(label(schema.metadata()), List.copyOf(pending), pending.size()));
        }
        if (!pending.isEmpty()) {
            Step last = steps.remove(steps.size() - 1);
            List<String> elements = new ArrayList<>(last.elements());
            elements.addAll(pending);
            steps.add(new Step(last.title(), List.copyOf(elements), last.looseFields() + pending.size()));
        }
        return List.copyOf(steps);
    }

    /**
     * The Leika keys the form names in its own texts (name, description, definition, legal references), in the order
     * they appear: a FIM Stammdatenschema usually says which Leika services it was made for in its description.
     */
    static List<LeikaKey> leikaKeysInTexts(FormSchema schema) {
        ElementMetadata metadata = schema.metadata();
        List<String> texts = new ArrayList<>();
        texts.add(metadata.name());
        metadata.description().ifPresent(texts::add);
        metadata.definition().ifPresent(texts::add);
        texts.addAll(metadata.legalBasis());
        Set<LeikaKey> keys = new LinkedHashSet<>();
        for (String text : texts) {
            Matcher m = LEIKA_IN_TEXT.matcher(text);
            while (m.find()) {
                keys.add(LeikaKey.parse(m.group()));
            }
        }
        return List.copyOf(keys);
    }

    /** Whether {@code id} is a usable service id (the descriptor's pattern). */
    static boolean isServiceId(String id) {
        return SERVICE_ID.matcher(id).matches();
    }

    /**
     * A service id from the Stammdatenschema's name: lower case, umlauts transliterated, other characters as hyphens,
     * at most 64 characters cut at a word boundary; empty if nothing usable is left.
     */
    static String serviceId(String name) {
        String german = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_ID) {
            int cut = slug.lastIndexOf('-', MAX_ID);
            slug = slug.substring(0, cut > 0 ? cut : MAX_ID);
        }
        return slug;
    }

    /** The service version from the FIM version ({@code 1.0} becomes {@code 1.0.0}), else {@code 1.0.0}. */
    static String serviceVersion(Optional<String> fimVersion) {
        Matcher m = FIM_VERSION.matcher(fimVersion.orElse("").strip());
        if (!m.matches()) {
            return "1.0.0";
        }
        return m.group(1) + "." + m.group(2) + "." + (m.group(3) == null ? "0" : m.group(3));
    }

    /** A file name safe in every package and on every file system, keeping the name recognisable. */
    static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return safe.isEmpty() ? "form.xml" : safe;
    }

    /** Every file of the package by its path in the package, the descriptor first. */
    static Map<String, byte[]> files(FormSchema schema, Settings settings) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("service.json", json(descriptor(schema, settings)));
        files.put(settings.formFile(), settings.formBytes());
        settings.codeLists().forEach((name, bytes) -> files.put(CODE_LIST_DIRECTORY + "/" + name, bytes));
        files.put(TRANSLATIONS_FILE, json(translations(schema)));
        Notifications defaults = Notifications.defaults();
        templateFiles(files, "postbox-text", defaults.postboxText());
        templateFiles(files, "receipt-intro", defaults.receiptIntro());
        return files;
    }

    private static ObjectNode descriptor(FormSchema schema, Settings s) {
        ObjectNode root = JsonOutput.object();
        root.put("$schema", SCHEMA_URI);
        root.put("id", s.id());
        root.put("version", s.version());
        root.put("minApiLevel", PortalApi.LEVEL);
        ArrayNode keys = root.putArray("leikaKeys");
        s.leikaKeys().forEach(k -> keys.add(k.value()));
        localized(root.putObject("title"), s.title());
        ObjectNode form = root.putObject("form");
        form.put("fim", s.formFile());
        if (!s.codeLists().isEmpty()) {
            form.put("codeLists", CODE_LIST_DIRECTORY);
        }
        form.put("translations", TRANSLATIONS_FILE);
        ArrayNode steps = root.putArray("steps");
        for (Step step : steps(schema)) {
            ObjectNode node = steps.addObject();
            localized(node.putObject("title"), step.title());
            ArrayNode elements = node.putArray("elements");
            step.elements().forEach(elements::add);
        }
        root.put("trustLevel", s.trust().map(TrustLevel::name).orElse("none"));
        s.fee().ifPresent(fee -> {
            ObjectNode node = root.putObject("fee");
            node.put("kind", "fixed");
            node.put("amount", fee.amount().toPlainString());
        });
        ObjectNode backOffice = root.putObject("backOffice");
        backOffice.put("messageType", BackOfficeTarget.APPLICATION_MESSAGE);
        ArrayNode channels = backOffice.putArray("channels");
        CHANNELS.forEach(c -> channels.add(c.name()));
        ObjectNode notifications = root.putObject("notifications");
        LocalizedText subject = Notifications.defaults().postboxSubject();
        notifications.putObject("postboxSubject").put("de", subject.german())
                .put("en", subject.get(Locale.ENGLISH));
        templateReference(notifications.putObject("postboxText"), "postbox-text");
        templateReference(notifications.putObject("receiptIntro"), "receipt-intro");
        return root;
    }

    /** German as given, English as a marked stub of it. */
    private static void localized(ObjectNode node, String german) {
        node.put("de", german);
        node.put("en", TRANSLATE + german);
    }

    private static void templateReference(ObjectNode node, String name) {
        node.putObject("de").put("file", "templates/" + name + ".de.txt");
        node.putObject("en").put("file", "templates/" + name + ".en.txt");
    }

    private static void templateFiles(Map<String, byte[]> files, String name, LocalizedText text) {
        files.put("templates/" + name + ".de.txt", (text.german() + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("templates/" + name + ".en.txt", (text.get(Locale.ENGLISH) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The translations file (forms' {@code Translations} format): per element its German label, help text and value
     * names as in the FIM file (to reword them without touching the FIM file), and English stubs marked with
     * {@link #TRANSLATE}; the form's own id carries the form title.
     */
    static ObjectNode translations(FormSchema schema) {
        ObjectNode root = JsonOutput.object();
        entry(root, schema.id().id(), schema.metadata(), List.of());
        Set<String> seen = new LinkedHashSet<>();
        for (ElementRef ref : schema.children()) {
            elementEntries(root, ref.element(), seen);
        }
        return root;
    }

    private static void elementEntries(ObjectNode root, SchemaElement element, Set<String> seen) {
        String id = element.metadata().id().id();
        if (!seen.add(id)) {
            return; // FIM reuses groups and fields; one entry serves every place
        }
        if (element instanceof Field field) {
            entry(root, id, field.metadata(), field.values());
        } else if (element instanceof FieldGroup group) {
            entry(root, id, group.metadata(), List.of());
            for (ElementRef child : group.children()) {
                elementEntries(root, child.element(), seen);
            }
        }
    }

    private static void entry(ObjectNode root, String id, ElementMetadata metadata, List<InlineValue> values) {
        ObjectNode element = root.putObject(id);
        String label = label(metadata);
        Optional<String> help = metadata.inputHelp().map(h -> oneLine(h.german())).filter(h -> !h.isBlank());
        ObjectNode de = element.putObject("de");
        ObjectNode en = element.putObject("en");
        de.put("label", label);
        en.put("label", TRANSLATE + label);
        help.ifPresent(h -> {
            de.put("help", h);
            en.put("help", TRANSLATE + h);
        });
        if (!values.isEmpty()) {
            ObjectNode deValues = de.putObject("values");
            ObjectNode enValues = en.putObject("values");
            for (InlineValue value : values) {
                if (value.name().isBlank()) {
                    continue; // the renderer shows the code; a translations file refuses blank texts
                }
                deValues.put(value.code(), oneLine(value.name()));
                enValues.put(value.code(), TRANSLATE + oneLine(value.name()));
            }
        }
    }

    private static String label(ElementMetadata metadata) {
        String label = oneLine(metadata.label().german());
        return label.isEmpty() ? oneLine(metadata.name()) : label;
    }

    /** The line breaks and indentation of a pretty-printed FIM export are layout, not text. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static byte[] json(ObjectNode node) {
        return (JsonOutput.write(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
