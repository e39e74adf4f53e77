package de.ozgsdk.portal.profile;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.internal.json.SchemaCheckedJson;
import de.ozgsdk.portal.service.ChannelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What a portal offers to online services: the logins and the trust level they reach, payment providers, postboxes,
 * back-office channel kinds, the XDatenfelder versions its runtime imports, its SDK runtime API level and its
 * languages. {@link CompatibilityCheck} compares a service with it. Two profiles ship with the SDK:
 * {@link #central()} (Kommunalportal.NRW) and {@link #legacy()} (a typical legacy portal of a municipality); others
 * are JSON files following {@value #SCHEMA_RESOURCE}.
 *
 * <pre>{@code
 * PortalProfile legacy = PortalProfile.named("legacy"); // or PortalProfile.read(file)
 * PortalProfile mine = PortalProfile.builder("stadt-musterhausen")
 *         .apiLevel(1)
 *         .loginProvider(new LoginProvider("Servicekonto", LoginProvider.Protocol.SAML, TrustLevel.SUBSTANTIAL,
 *                 EnumSet.of(PersonAttribute.GIVEN_NAME, PersonAttribute.SURNAME)))
 *         .paymentProvider(PaymentProviderKind.EPAYBL)
 *         .channel(ChannelKind.HTTPS)
 *         .xdfVersion(XdfVersion.XDF2)
 *         .build(); // German only, no postbox
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PortalProfile {

    /** The class path resource of the JSON Schema of profile files (draft 2020-12). */
    public static final String SCHEMA_RESOURCE = "/de/ozgsdk/portal/profile/portal-profile.schema.json";
    /** The names of the profiles that ship with the SDK. */
    public static final List<String> SHIPPED = List.of("central", "legacy");

    private static final SchemaCheckedJson SCHEMA = SchemaCheckedJson.of(SCHEMA_RESOURCE);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_BYTES = 1 << 20;

    private final String name;
    private final Optional<LocalizedText> description;
    private final int apiLevel;
    private final List<Locale> languages;
    private final List<LoginProvider> loginProviders;
    private final Set<PaymentProviderKind> paymentProviders;
    private final Set<PostboxKind> postboxes;
    private final Set<ChannelKind> channels;
    private final Set<XdfVersion> xdfVersions;

    private PortalProfile(Builder b) {
        this.name = b.name;
        this.description = Optional.ofNullable(b.description);
        this.apiLevel = b.apiLevel;
        this.languages = List.copyOf(b.languages);
        this.loginProviders = List.copyOf(b.loginProviders);
        this.paymentProviders = frozen(b.paymentProviders);
        this.postboxes = frozen(b.postboxes);
        this.channels = frozen(b.channels);
        this.xdfVersions = frozen(b.xdfVersions);
    }

    private static <E extends Enum<E>> Set<E> frozen(Set<E> set) {
        return set.isEmpty() ? Set.of() : Set.copyOf(set);
    }

    /**
     * Starts a profile: no logins, no payment, no postbox, no channels, German only, API level 1; at least one
     * XDatenfelder version must be added.
     *
     * @param name 1 to 64 lower-case letters, digits and hyphens
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The profile of the central municipal portal (Kommunalportal.NRW), at this SDK's API level. */
    public static PortalProfile central() {
        return named("central");
    }

    /** The profile of a typical legacy portal of a municipality. */
    public static PortalProfile legacy() {
        return named("legacy");
    }

    /**
     * A profile that ships with the SDK, by name ({@link #SHIPPED}).
     *
     * @throws InvalidInputException ({@link PortalError#PROFILE_UNKNOWN}) for another name
     */
    public static PortalProfile named(String name) {
        Objects.requireNonNull(name, "name");
        if (!SHIPPED.contains(name)) {
            throw new InvalidInputException(PortalError.PROFILE_UNKNOWN, name);
        }
        String resource = "/de/ozgsdk/portal/profile/" + name + ".json";
        try (InputStream in = PortalProfile.class.getResourceAsStream(resource)) {
            return read(Objects.requireNonNull(in, resource), name + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A shipped profile when {@code nameOrFile} is one of {@link #SHIPPED}, otherwise the profile file at that path,
     * as the {@code --profile} option of {@code ozg package check} takes it.
     *
     * @throws InvalidInputException ({@link PortalError#PROFILE_UNKNOWN}) when it is neither;
     *                               ({@link PortalError#PROFILE_INVALID}) for a broken file
     */
    public static PortalProfile resolve(String nameOrFile) {
        Objects.requireNonNull(nameOrFile, "nameOrFile");
        if (SHIPPED.contains(nameOrFile)) {
            return named(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(PortalError.PROFILE_UNKNOWN, nameOrFile);
        }
        return read(file);
    }

    /**
     * Reads a profile file.
     *
     * @throws InvalidInputException ({@link PortalError#PROFILE_INVALID}) naming every problem with line and JSON
     *                               pointer
     */
    public static PortalProfile read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidInputException(PortalError.PROFILE_UNKNOWN, e, file);
        }
    }

    /** Reads a profile from a stream (not closed); {@code source} names it in messages. */
    public static PortalProfile read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException(PortalError.PROFILE_UNKNOWN, e, source);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(PortalError.PROFILE_INVALID, source, "larger than " + MAX_BYTES
                    + " bytes");
        }
        SchemaCheckedJson.Result result = SCHEMA.read(bytes);
        if (!result.isValid()) {
            StringJoiner all = new StringJoiner("; ");
            result.findings().forEach(f -> all.add("line " + f.line() + ", column " + f.column()
                    + (f.pointer().isEmpty() ? "" : " (" + f.pointer() + ")") + ": " + f.detailEn()));
            throw new InvalidInputException(PortalError.PROFILE_INVALID, source, all.toString());
        }
        return fromJson(result.root().orElseThrow(), source);
    }

    private static PortalProfile fromJson(JsonNode root, String source) {
        Builder builder = builder(root.path("name").stringValue(""));
        JsonNode description = root.path("description");
        if (!description.isMissingNode()) {
            LocalizedText.Builder text = LocalizedText.builder(description.path("de").stringValue(""));
            description.properties().forEach(e -> {
                if (!e.getKey().equals("de")) {
                    text.put(Locale.forLanguageTag(e.getKey()), e.getValue().stringValue(""));
                }
            });
            builder.description(text.build());
        }
        JsonNode level = root.path("apiLevel");
        builder.apiLevel(level.isString() ? PortalApi.LEVEL : level.asInt());
        List<Locale> languages = new ArrayList<>();
        root.path("languages").forEach(l -> languages.add(Locale.forLanguageTag(l.stringValue(""))));
        builder.languages(languages);
        for (JsonNode login : root.path("loginProviders")) {
            Set<PersonAttribute> attributes = EnumSet.noneOf(PersonAttribute.class);
            login.path("attributes").forEach(a -> attributes.add(PersonAttribute.valueOf(a.stringValue(""))));
            builder.loginProvider(new LoginProvider(login.path("name").stringValue(""),
                    LoginProvider.Protocol.valueOf(login.path("protocol").stringValue("")),
                    TrustLevel.valueOf(login.path("maxTrustLevel").stringValue("")), attributes));
        }
        root.path("paymentProviders").forEach(p -> builder.paymentProvider(
                PaymentProviderKind.valueOf(p.stringValue(""))));
        root.path("postboxes").forEach(p -> builder.postbox(PostboxKind.valueOf(p.stringValue(""))));
        root.path("channels").forEach(c -> builder.channel(ChannelKind.valueOf(c.stringValue(""))));
        root.path("xdfVersions").forEach(v -> builder.xdfVersion(XdfVersion.valueOf(v.stringValue(""))));
        return builder.build();
    }

    /** The JSON Schema of profile files, to publish or hand to an editor; the caller closes the stream. */
    public static InputStream profileSchema() {
        return PortalProfile.class.getResourceAsStream(SCHEMA_RESOURCE);
    }

    /** The profile's name, e.g. {@code central}. */
    public String name() {
        return name;
    }

    /** What the portal is, for reports. */
    public Optional<LocalizedText> description() {
        return description;
    }

    /** The SDK runtime API level of the portal ({@link PortalApi#LEVEL} of its SDK). */
    public int apiLevel() {
        return apiLevel;
    }

    /** The languages the portal offers. */
    public List<Locale> languages() {
        return languages;
    }

    /** The logins the portal offers. */
    public List<LoginProvider> loginProviders() {
        return loginProviders;
    }

    /** The highest trust level any login of the portal reaches; empty when it has no login. */
    public Optional<TrustLevel> maxTrustLevel() {
        return loginProviders.stream().map(LoginProvider::maxTrustLevel).max(Enum::compareTo);
    }

    /** The payment providers of the portal; empty: it cannot charge fees. */
    public Set<PaymentProviderKind> paymentProviders() {
        return paymentProviders;
    }

    /** The postboxes the portal delivers to; empty: receipts are downloads only. */
    public Set<PostboxKind> postboxes() {
        return postboxes;
    }

    /** The back-office channel kinds the portal can deliver applications over. */
    public Set<ChannelKind> channels() {
        return channels;
    }

    /** The XDatenfelder versions the portal's runtime imports. */
    public Set<XdfVersion> xdfVersions() {
        return xdfVersions;
    }

    /** The name, e.g. {@code PortalProfile[central]}. */
    @Override
    public String toString() {
        return "PortalProfile[" + name + "]";
    }

    /** Collects the parts of a {@link PortalProfile}. */
    public static final class Builder {
        private final String name;
        private LocalizedText description;
        private int apiLevel = 1;
        private final Set<Locale> languages = new LinkedHashSet<>(List.of(Locale.GERMAN));
        private final List<LoginProvider> loginProviders = new ArrayList<>();
        private final Set<PaymentProviderKind> paymentProviders = EnumSet.noneOf(PaymentProviderKind.class);
        private final Set<PostboxKind> postboxes = EnumSet.noneOf(PostboxKind.class);
        private final Set<ChannelKind> channels = EnumSet.noneOf(ChannelKind.class);
        private final Set<XdfVersion> xdfVersions = EnumSet.noneOf(XdfVersion.class);

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException(PortalError.PROFILE_INVALID, name,
                        "the name is not 1 to 64 lower-case letters, digits and hyphens");
            }
            this.name = name;
        }

        /** Sets what the portal is, for reports. */
        public Builder description(LocalizedText description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Sets the SDK runtime API level of the portal (default 1). */
        public Builder apiLevel(int level) {
            if (level < 1) {
                throw new InvalidInputException(PortalError.PROFILE_INVALID, name,
                        "the API level must be 1 or more, is " + level);
            }
            this.apiLevel = level;
            return this;
        }

        /** Adds a language besides German. */
        public Builder language(Locale language) {
            languages.add(Locale.forLanguageTag(Objects.requireNonNull(language, "language").getLanguage()));
            return this;
        }

        /**
         * Replaces the languages (default: German only). A portal without German is accepted here; the compatibility
         * check reports it as a blocker for every service.
         */
        public Builder languages(List<Locale> languages) {
            this.languages.clear();
            Objects.requireNonNull(languages, "languages").forEach(this::language);
            return this;
        }

        /** Adds a login. */
        public Builder loginProvider(LoginProvider provider) {
            loginProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Adds a payment provider. */
        public Builder paymentProvider(PaymentProviderKind kind) {
            paymentProviders.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Adds a postbox. */
        public Builder postbox(PostboxKind kind) {
            postboxes.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Adds a back-office channel kind. */
        public Builder channel(ChannelKind kind) {
            channels.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Adds an XDatenfelder version the portal imports. */
        public Builder xdfVersion(XdfVersion version) {
            xdfVersions.add(Objects.requireNonNull(version, "version"));
            return this;
        }

        /**
         * The profile.
         *
         * @throws InvalidInputException ({@link PortalError#PROFILE_INVALID}) without any XDatenfelder version
         */
        public PortalProfile build() {
            if (xdfVersions.isEmpty()) {
                throw new InvalidInputException(PortalError.PROFILE_INVALID, name,
                        "no XDatenfelder version is given (XDF2, XDF3)");
            }
            if (languages.isEmpty()) {
                throw new InvalidInputException(PortalError.PROFILE_INVALID, name, "no language is given");
            }
            return new PortalProfile(this);
        }
    }

    static String names(Set<? extends Enum<?>> values) {
        return values.isEmpty() ? "-" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
