package de.ozgsdk.auth.saml;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginContext;
import de.ozgsdk.auth.LoginMethod;
import de.ozgsdk.auth.saml.internal.Saml;
import de.ozgsdk.core.TrustLevel;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The BundID profile (interface description 10.2): trust levels as {@code STORK-QAA-Level-1..4}, the AKDB request
 * extension V2 ({@code akdb:AuthenticationRequest Version="2"} with {@code AuthnMethods}, {@code RequestedAttributes}
 * and {@code DisplayInformation/classic-ui:Version}), bPK2 as subject key, Postkorb-Handle as postbox reference,
 * attributes by their URN with {@code akdb:TrustLevel}, and signed plus encrypted assertions required.
 *
 * <p>A temporary login ("temporäres Konto") delivers neither bPK2 nor Postkorb-Handle: it is refused as
 * "attributes missing" unless {@link Builder#allowTemporaryLogin()}, which keys the citizen on the transient
 * NameID (drafts of such a citizen cannot be resumed in a later login).
 */
public final class BundIdProfile implements SamlProfile {

    /** The login methods BundID offers, in the order of the interface description's V2 sample. */
    private static final List<LoginMethod> METHODS = List.of(LoginMethod.AUTHEGA, LoginMethod.USERNAME,
            LoginMethod.DIIA, LoginMethod.EID, LoginMethod.EIDAS, LoginMethod.ELSTER, LoginMethod.FINK);
    private static final Set<String> LANGUAGES = Set.of("de", "en", "ru", "uk");
    private static final int DISPLAY_NAME_SHOWN = 50;

    private final String organizationDisplayName;
    private final String onlineServiceId;
    private final Optional<String> purpose;
    private final Optional<URI> backUrl;
    private final Set<LoginMethod> methods;
    private final Map<String, Boolean> requestedAttributes;
    private final boolean enableStatusDetail;
    private final boolean allowTemporaryLogin;

    private BundIdProfile(Builder builder) {
        this.organizationDisplayName = builder.organizationDisplayName;
        this.onlineServiceId = builder.onlineServiceId;
        this.purpose = Optional.ofNullable(builder.purpose);
        this.backUrl = Optional.ofNullable(builder.backUrl);
        this.methods = Set.copyOf(builder.methods);
        this.requestedAttributes = Map.copyOf(builder.requestedAttributes);
        this.enableStatusDetail = builder.enableStatusDetail;
        this.allowTemporaryLogin = builder.allowTemporaryLogin;
    }

    /**
     * Starts a profile with the two mandatory display settings: the organisation name BundID shows (at most 50
     * characters are shown) and the id of the online service. By default every login method is enabled and bPK2
     * and Postkorb-Handle are requested as required, given name, surname and e-mail as optional.
     */
    public static Builder builder(String organizationDisplayName, String onlineServiceId) {
        return new Builder(organizationDisplayName, onlineServiceId);
    }

    /** The organisation name shown by BundID. */
    public String organizationDisplayName() {
        return organizationDisplayName;
    }

    /** The requested attributes by Name, with whether each is required. */
    public Map<String, Boolean> requestedAttributes() {
        return requestedAttributes;
    }

    @Override
    public String authnContextClassRef(TrustLevel required) {
        return required.storkQaaLevel();
    }

    @Override
    public Optional<TrustLevel> trustLevel(String authnContextClassRef) {
        String value = authnContextClassRef.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("stork-qaa-level-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrustLevel.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lower of the AuthnContextClassRef and the EID-CITIZEN-QAA-LEVEL attribute, when both are present. */
    @Override
    public Optional<TrustLevel> loginLevel(SamlAssertion assertion) {
        Optional<TrustLevel> context = trustLevel(assertion.authnContextClassRef());
        Optional<TrustLevel> attribute = assertion.value(BundIdAttribute.TRUST_LEVEL.urn()).flatMap(this::trustLevel);
        if (context.isPresent() && attribute.isPresent()) {
            return Optional.of(context.get().compareTo(attribute.get()) <= 0 ? context.get() : attribute.get());
        }
        return context;
    }

    @Override
    public void addExtensions(Element extensions, LoginContext context, TrustLevel required) {
        Document document = extensions.getOwnerDocument();
        Element request = document.createElementNS(Saml.AKDB, "akdb:AuthenticationRequest");
        request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:akdb", Saml.AKDB);
        request.setAttributeNS(null, "Version", "2");
        if (enableStatusDetail) {
            request.setAttributeNS(null, "EnableStatusDetail", "true");
        }
        extensions.appendChild(request);
        Element authnMethods = akdb(request, "AuthnMethods");
        for (LoginMethod method : METHODS) {
            Element enabled = akdb(akdb(authnMethods, method.akdbName()), "Enabled");
            enabled.setTextContent(String.valueOf(methods.contains(method)));
        }
        Element attributes = akdb(request, "RequestedAttributes");
        requestedAttributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Element attribute = akdb(attributes, "RequestedAttribute");
            attribute.setAttributeNS(null, "Name", entry.getKey());
            attribute.setAttributeNS(null, "RequiredAttribute", String.valueOf(entry.getValue()));
        });
        Element version = document.createElementNS(Saml.CLASSIC_UI, "classic-ui:Version");
        version.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:classic-ui", Saml.CLASSIC_UI);
        akdb(request, "DisplayInformation").appendChild(version);
        purpose.ifPresent(text -> classicUi(version, "Purpose", text));
        classicUi(version, "OrganizationDisplayName", organizationDisplayName);
        String language = context.locale().getLanguage();
        classicUi(version, "Lang", LANGUAGES.contains(language) ? language : "de");
        backUrl.ifPresent(url -> classicUi(version, "BackURL", url.toString()));
        classicUi(version, "OnlineServiceId", onlineServiceId);
    }

    private static Element akdb(Element parent, String localName) {
        Element child = parent.getOwnerDocument().createElementNS(Saml.AKDB, "akdb:" + localName);
        parent.appendChild(child);
        return child;
    }

    private static void classicUi(Element parent, String localName, String text) {
        Element child = parent.getOwnerDocument().createElementNS(Saml.CLASSIC_UI, "classic-ui:" + localName);
        child.appendChild(parent.getOwnerDocument().createCDATASection(text));
        parent.appendChild(child);
    }

    @Override
    public boolean requiresSignedAssertion() {
        return true;
    }

    @Override
    public boolean requiresEncryptedAssertion() {
        return true;
    }

    @Override
    public List<String> missingAttributes(SamlAssertion assertion) {
        List<String> missing = new ArrayList<>();
        requestedAttributes.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .filter(name -> assertion.attribute(name).isEmpty())
                .filter(name -> !(allowTemporaryLogin && isTemporaryLoginGap(name)))
                .sorted()
                .forEach(missing::add);
        return missing;
    }

    private static boolean isTemporaryLoginGap(String name) {
        return BundIdAttribute.BPK2.urn().equals(name) || BundIdAttribute.POSTKORB_HANDLE.urn().equals(name);
    }

    @Override
    public Citizen citizen(SamlAssertion assertion, TrustLevel level) {
        Optional<String> bpk2 = assertion.value(BundIdAttribute.BPK2.urn());
        Citizen.Builder citizen = Citizen.builder()
                .subjectKey(bpk2.orElse("transient:" + assertion.nameId()))
                .temporaryLogin(bpk2.isEmpty())
                .issuer(assertion.issuer())
                .trustLevel(level)
                .authenticatedAt(assertion.authnInstant())
                .loginMethod(assertion.value(BundIdAttribute.ASSERTION_PROVED_BY.urn()).map(LoginMethod::parse)
                        .orElse(methodOfLevel(level)));
        assertion.value(BundIdAttribute.POSTKORB_HANDLE.urn()).ifPresent(citizen::postboxReference);
        for (AttributeValue value : assertion.attributes().values()) {
            Optional<BundIdAttribute> known = BundIdAttribute.byUrn(value.name());
            if (known.flatMap(BundIdAttribute::meaning).isPresent()) {
                citizen.attribute(known.get().meaning().get(), value);
            } else {
                citizen.attribute(value);
            }
        }
        return citizen.build();
    }

    /** Without AssertionProvedBy, the STORK level tells the method as far as BundID's levels do. */
    private static LoginMethod methodOfLevel(TrustLevel level) {
        switch (level) {
            case HIGH:
                return LoginMethod.EID;
            case SUBSTANTIAL:
                return LoginMethod.ELSTER;
            default:
                return LoginMethod.USERNAME;
        }
    }

    @Override
    public String toString() {
        return "BundIdProfile[methods=" + methods + ", requestedAttributes=" + requestedAttributes.size() + "]";
    }

    /** Configures a {@link BundIdProfile}; every setter checks its argument. */
    public static final class Builder {
        private final String organizationDisplayName;
        private final String onlineServiceId;
        private String purpose;
        private URI backUrl;
        private final Set<LoginMethod> methods = EnumSet.copyOf(METHODS);
        private final Map<String, Boolean> requestedAttributes = new LinkedHashMap<>();
        private boolean enableStatusDetail = true;
        private boolean allowTemporaryLogin;

        private Builder(String organizationDisplayName, String onlineServiceId) {
            this.organizationDisplayName = nonBlank("organizationDisplayName", organizationDisplayName);
            if (organizationDisplayName.strip().length() > DISPLAY_NAME_SHOWN) {
                // BundID cuts it off; a clear error here beats a truncated name on the login page.
                throw new IllegalArgumentException("organizationDisplayName is longer than the " + DISPLAY_NAME_SHOWN
                        + " characters BundID shows");
            }
            this.onlineServiceId = nonBlank("onlineServiceId", onlineServiceId);
            requestedAttributes.put(BundIdAttribute.BPK2.urn(), true);
            requestedAttributes.put(BundIdAttribute.POSTKORB_HANDLE.urn(), true);
            requestedAttributes.put(BundIdAttribute.TRUST_LEVEL.urn(), false);
            requestedAttributes.put(BundIdAttribute.ASSERTION_PROVED_BY.urn(), false);
            requestedAttributes.put(BundIdAttribute.GIVEN_NAME.urn(), false);
            requestedAttributes.put(BundIdAttribute.SURNAME.urn(), false);
            requestedAttributes.put(BundIdAttribute.MAIL.urn(), false);
        }

        /** Requests {@code attribute}; {@code required} ones missing in the answer make the login fail. */
        public Builder request(BundIdAttribute attribute, boolean required) {
            requestedAttributes.put(Objects.requireNonNull(attribute, "attribute").urn(), required);
            return this;
        }

        /** Requests the attribute named {@code urn} (one BundID added after this SDK was written). */
        public Builder request(String urn, boolean required) {
            requestedAttributes.put(nonBlank("urn", urn), required);
            return this;
        }

        /** Stops requesting {@code attribute} (bPK2 and Postkorb-Handle are requested by default). */
        public Builder withoutAttribute(BundIdAttribute attribute) {
            requestedAttributes.remove(Objects.requireNonNull(attribute, "attribute").urn());
            return this;
        }

        /** Offers only these login methods; default all (Authega, Benutzername, Diia, eID, eIDAS, Elster, FINK). */
        public Builder loginMethods(Set<LoginMethod> methods) {
            if (methods.isEmpty() || methods.contains(LoginMethod.OTHER)) {
                throw new IllegalArgumentException("loginMethods must name at least one BundID method");
            }
            this.methods.clear();
            this.methods.addAll(methods);
            return this;
        }

        /** The purpose text ({@code classic-ui:Purpose}, accepted but not shown by BundID today); default none. */
        public Builder purpose(String purpose) {
            this.purpose = nonBlank("purpose", purpose);
            return this;
        }

        /** Where BundID's "back" link leads ({@code classic-ui:BackURL}); default none. */
        public Builder backUrl(URI backUrl) {
            if (!"https".equals(Objects.requireNonNull(backUrl, "backUrl").getScheme())) {
                throw new IllegalArgumentException("backUrl must be an https URL");
            }
            this.backUrl = backUrl;
            return this;
        }

        /** Whether error answers carry {@code akdb:StatusDetail} JSON; default true. */
        public Builder enableStatusDetail(boolean enableStatusDetail) {
            this.enableStatusDetail = enableStatusDetail;
            return this;
        }

        /** Accepts temporary logins without bPK2 and Postkorb-Handle (keyed on the transient NameID). */
        public Builder allowTemporaryLogin() {
            this.allowTemporaryLogin = true;
            // BundID refuses a login without required attributes itself: request them as optional
            requestedAttributes.computeIfPresent(BundIdAttribute.BPK2.urn(), (name, required) -> false);
            requestedAttributes.computeIfPresent(BundIdAttribute.POSTKORB_HANDLE.urn(), (name, required) -> false);
            return this;
        }

        public BundIdProfile build() {
            return new BundIdProfile(this);
        }

        private static String nonBlank(String name, String value) {
            if (Objects.requireNonNull(value, name).isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.strip();
        }
    }
}
