package de.ozgsdk.sandbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.sandbox.epaybl.EpayblMock;
import de.ozgsdk.sandbox.fitconnect.FitConnectSandbox;
import de.ozgsdk.sandbox.fitconnect.SandboxDestination;
import de.ozgsdk.sandbox.idp.Persona;
import de.ozgsdk.sandbox.idp.ServicekontoIdpMock;
import de.ozgsdk.sandbox.internal.KeyPool;
import de.ozgsdk.sandbox.internal.PersonalDataMask;
import de.ozgsdk.sandbox.oidc.OidcPersona;
import de.ozgsdk.sandbox.oidc.OidcProviderMock;
import de.ozgsdk.sandbox.payment.XBezahldiensteMock;
import de.ozgsdk.sandbox.postbox.ZbpSandbox;
import de.ozgsdk.sandbox.tsa.TimestampAuthorityMock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * All mock servers of the sandbox started together on loopback, in-process: the Servicekonto IdP (SAML), the OIDC
 * provider, classic ePayBL, XBezahldienste, the FIT-Connect delivery service with a Fachverfahren destination, the
 * BundID postbox (ZBP), the HTTPS intake and the file-drop import of a Fachverfahren and the RFC 3161 time-stamp
 * authority, plus an overview page at {@code /} of its own port that links every mock, shows what each received
 * (personal data masked) and serves one admin endpoint for all of them ({@code /__admin/sandbox/}).
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().personas(personaFile).start()) { // free loopback ports
 *     URI idpMetadata = sandbox.idpMetadataUrl();           // the SAML SP reads the IdP from here
 *     URI tsa = sandbox.tsaUrl();                           // POST time-stamp queries
 *     sandbox.tsa().faults().add(Fault.status(503).once()); // each mock keeps its own faults and record
 *     sandbox.reset();                                      // faults and records of all mocks cleared
 *     System.out.println(sandbox.describe());               // every URL, as the runnable jar prints them
 * }
 * }</pre>
 *
 * <p>Every mock keeps its own port (the overview's port plus one to nine with {@code port(n)}, free ports with the
 * default 0): the mocks answer at the root paths their real counterparts use ({@code /.well-known/…},
 * {@code /v1/…}, {@code /token} twice), two of them require mutual TLS in the handshake and the others speak plain
 * http, so one port could not serve them all unchanged. The RSA keys of the mocks (seven RSA-4096 keys of the
 * FIT-Connect delivery service alone) are generated once and kept in the data directory's {@code keys/}, so that a
 * second start takes well under a second.
 */
public final class Sandbox implements AutoCloseable {

    /** Client id of the portal at the OIDC provider, XBezahldienste and FIT-Connect. */
    public static final String CLIENT_ID = "ozg-portal";
    /** The portal's client secret at the OIDC provider, XBezahldienste and FIT-Connect. */
    public static final String CLIENT_SECRET = "ozg-portal-secret";
    /** Client id of the Fachverfahren (the subscriber of {@link #FACHVERFAHREN_DESTINATION}) at FIT-Connect. */
    public static final String FACHVERFAHREN_CLIENT_ID = "fachverfahren";
    /** Client secret of the Fachverfahren at FIT-Connect. */
    public static final String FACHVERFAHREN_CLIENT_SECRET = "fachverfahren-secret";
    /** The FIT-Connect destination of the Fachverfahren (region DE: every ARS). */
    public static final UUID FACHVERFAHREN_DESTINATION = UUID.fromString("5e3d7a2c-0b4f-4c8e-9a61-7f2d3c4b5a60");
    /** The FIT-Connect destination of the ZBP. */
    public static final UUID ZBP_DESTINATION = UUID.fromString("2b8c6e1a-9d3f-4e7b-8c5a-1f0e2d3c4b70");
    /** The Mandant of the ePayBL mock. */
    public static final String EPAYBL_MANDANT = "1610000000";
    /** The Bewirtschafter of {@link #EPAYBL_MANDANT}. */
    public static final String EPAYBL_BEWIRTSCHAFTER = "42";
    /** The Leika keys the Fachverfahren destination offers by default. */
    public static final List<String> DEFAULT_LEIKA_KEYS = List.of("99010003001006");

    private final List<MockServer> mocks;
    private final ServicekontoIdpMock idp;
    private final OidcProviderMock oidc;
    private final EpayblMock epaybl;
    private final XBezahldiensteMock xbezahldienste;
    private final FitConnectSandbox fitConnect;
    private final ZbpSandbox zbp;
    private final HttpsIntakeMock intake;
    private final FileDropIntakeMock fileDrop;
    private final TimestampAuthorityMock tsa;
    private final SandboxOverview overview;
    private final SandboxPki pki;
    private final SandboxPersonas personas;
    private final PrivateKeyCredential portalClient;
    private final PrivateKeyCredential postboxAuthor;
    private final Path dataDirectory;
    private final Path dropDirectory;
    private final boolean deleteDropDirectory;

    private Sandbox(Builder builder, Started started) {
        this.mocks = started.mocks;
        this.idp = started.idp;
        this.oidc = started.oidc;
        this.epaybl = started.epaybl;
        this.xbezahldienste = started.xbezahldienste;
        this.fitConnect = started.fitConnect;
        this.zbp = started.zbp;
        this.intake = started.intake;
        this.fileDrop = started.fileDrop;
        this.tsa = started.tsa;
        this.overview = started.overview;
        this.pki = started.pki;
        this.personas = started.personas;
        this.portalClient = started.portalClient;
        this.postboxAuthor = started.postboxAuthor;
        this.dataDirectory = builder.dataDirectory;
        this.dropDirectory = started.dropDirectory;
        this.deleteDropDirectory = builder.dropDirectory == null;
    }

    /** A builder: free ports, the shipped personas, keys kept in {@link #defaultDataDirectory()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code <java.io.tmpdir>/ozg-sandbox-<user>}: where keys are kept unless a data directory is given. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ozg-sandbox-" + System.getProperty("user.name", "user")
                .replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** The overview page ({@code /} of the overview's port); the combined admin endpoint is below it. */
    public URI overviewUrl() {
        return overview.baseUrl();
    }

    /** The combined admin endpoint {@code /__admin/sandbox/} (see SANDBOX.md). */
    public URI adminUrl() {
        return overview.uri(SandboxOverview.ADMIN);
    }

    /** Every mock, in start order (the overview not included). */
    public List<MockServer> mocks() {
        return mocks;
    }

    /** The mock named {@code name} (e.g. {@code tsa}, {@code servicekonto-idp}), if any. */
    public Optional<MockServer> mock(String name) {
        return mocks.stream().filter(mock -> mock.name().equals(name)).findFirst();
    }

    /** The personas of the IdP's login page and of the OIDC provider's picker. */
    public SandboxPersonas personas() {
        return personas;
    }

    /** The directory whose {@code keys/} keeps the mocks' RSA keys. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    // --- Servicekonto IdP (SAML) ---

    /** The Servicekonto IdP mock (SAML 2.0, BundID-like). */
    public ServicekontoIdpMock idp() {
        return idp;
    }

    /** The IdP metadata (entityID, signing certificate, SSO endpoints). */
    public URI idpMetadataUrl() {
        return idp.uri(ServicekontoIdpMock.METADATA);
    }

    /** The IdP's signing certificate, as published in its metadata. */
    public X509Certificate idpSigningCertificate() {
        return idp.signingCertificate();
    }

    /** The IdP's entityID. */
    public String idpEntityId() {
        return idp.entityId();
    }

    // --- OIDC provider ---

    /** The OIDC provider mock. */
    public OidcProviderMock oidc() {
        return oidc;
    }

    /** The OIDC issuer; discovery is {@code <issuer>/.well-known/openid-configuration}. */
    public String oidcIssuer() {
        return oidc.issuer();
    }

    // --- payment ---

    /** The classic ePayBL mock (SOAP and Paypage, mutual TLS: clients present {@link #portalClientCredential()}). */
    public EpayblMock epaybl() {
        return epaybl;
    }

    /** The ePayBL SOAP endpoint. */
    public URI epayblServiceUrl() {
        return epaybl.serviceUrl();
    }

    /** The ePayBL Paypage. */
    public URI epayblPaypageUrl() {
        return epaybl.paypageUrl();
    }

    /** The XBezahldienste mock (OAuth2 client {@link #CLIENT_ID} / {@link #CLIENT_SECRET}, any endpoint ids). */
    public XBezahldiensteMock xbezahldienste() {
        return xbezahldienste;
    }

    /** The XBezahldienste base URL ({@code /paymenttransaction/…} below it). */
    public URI xbezahldiensteUrl() {
        return xbezahldienste.baseUrl();
    }

    /** The XBezahldienste OAuth2 token endpoint. */
    public URI xbezahldiensteTokenUrl() {
        return xbezahldienste.tokenEndpoint();
    }

    // --- FIT-Connect, postbox, back office ---

    /**
     * The FIT-Connect delivery service (sender {@link #CLIENT_ID}, destinations {@link #FACHVERFAHREN_DESTINATION}
     * and {@link #ZBP_DESTINATION}).
     */
    public FitConnectSandbox fitConnect() {
        return fitConnect;
    }

    /** The FIT-Connect Submission API base URL. */
    public URI fitConnectSubmissionApi() {
        return fitConnect.baseUrl();
    }

    /** The FIT-Connect OAuth2 token endpoint. */
    public URI fitConnectTokenUrl() {
        return fitConnect.tokenUrl();
    }

    /** The FIT-Connect Routing API. */
    public URI fitConnectRoutingUrl() {
        return fitConnect.routingUrl();
    }

    /** The trust anchor of FIT-Connect's destination keys ({@code x5c}). */
    public X509Certificate fitConnectTrustAnchor() {
        return fitConnect.trustAnchor();
    }

    /** The BundID postbox (ZBP), subscriber of {@link #ZBP_DESTINATION}: each Postkorb-Handle is a mailbox. */
    public ZbpSandbox postbox() {
        return zbp;
    }

    /** The ZBP's inbox page of a persona's Postkorb-Handle. */
    public URI postboxInboxUrl(UUID postkorbHandle) {
        return zbp.uri("/postfach/" + postkorbHandle);
    }

    /** The author credential (RSA) the ZBP accepts in the envelope: the portal signs its messages with it. */
    public PrivateKeyCredential postboxAuthor() {
        return postboxAuthor;
    }

    /** The HTTPS intake of the Fachverfahren (mutual TLS: clients present {@link #portalClientCredential()}). */
    public HttpsIntakeMock intake() {
        return intake;
    }

    /** The HTTPS intake URL ({@code POST} applications there). */
    public URI intakeUrl() {
        return intake.intakeUri();
    }

    /** The file-drop importer of the Fachverfahren. */
    public FileDropIntakeMock fileDrop() {
        return fileDrop;
    }

    /** The directory the file-drop importer reads. */
    public Path dropDirectory() {
        return dropDirectory;
    }

    // --- time-stamp authority ---

    /** The RFC 3161 time-stamp authority mock. */
    public TimestampAuthorityMock tsa() {
        return tsa;
    }

    /** The TSA URL ({@code POST} time-stamp queries). */
    public URI tsaUrl() {
        return tsa.tsaUrl();
    }

    /** The TSA's signing certificate. */
    public X509Certificate tsaCertificate() {
        return tsa.signerCertificate();
    }

    /** The trust anchor of the TSA's certificate (for {@code openssl ts -verify -CAfile}). */
    public X509Certificate tsaTrustAnchor() {
        return tsa.trustAnchor();
    }

    // --- TLS ---

    /** The CA of the https mocks (ePayBL, HTTPS intake); it issued {@link #portalClientCredential()} too. */
    public SandboxPki pki() {
        return pki;
    }

    /** What a client trusts to reach the https mocks. */
    public TrustedCertificates serverTrust() {
        return pki.trust();
    }

    /** The portal's client certificate for the mutual TLS of ePayBL and the HTTPS intake. */
    public PrivateKeyCredential portalClientCredential() {
        return portalClient;
    }

    /**
     * Clears the faults and the record of every mock and the fault-like switches (FIT-Connect's duplicate callbacks,
     * ePayBL's slow Paypage status): what a test scripted does not reach the next test. What the mocks hold
     * (payments, submissions, postbox messages) stays.
     */
    public void reset() {
        mocks.forEach(Sandbox::reset);
        overview.records().clear();
    }

    /** Clears one mock's faults, record and fault-like switches (also for the admin endpoint's reset). */
    static void reset(MockServer mock) {
        mock.faults().clear();
        mock.records().clear();
        if (mock instanceof FitConnectSandbox fitConnect) {
            fitConnect.duplicateCallbacks(false);
        } else if (mock instanceof EpayblMock epaybl) {
            epaybl.slowInaktiv(0);
        }
    }

    /** Stops every mock and deletes a drop directory the sandbox created. Idempotent. */
    @Override
    public void close() {
        overview.close();
        List<MockServer> reversed = new ArrayList<>(mocks);
        Collections.reverse(reversed);
        reversed.forEach(MockServer::close);
        if (deleteDropDirectory) {
            deleteTree(dropDirectory);
        }
    }

    /** The names and URLs of the mocks, one per line: what the runnable jar prints. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Overview", overviewUrl().toString());
        lines.put("Admin API", adminUrl().toString());
        lines.put("Servicekonto IdP (SAML metadata)", idpMetadataUrl().toString());
        lines.put("OIDC issuer", oidcIssuer());
        lines.put("ePayBL SOAP (mutual TLS)", epayblServiceUrl().toString());
        lines.put("XBezahldienste", xbezahldiensteUrl().toString());
        lines.put("FIT-Connect Submission API", fitConnectSubmissionApi().toString());
        lines.put("FIT-Connect token", fitConnectTokenUrl().toString());
        lines.put("Postbox (ZBP)", zbp.baseUrl().toString());
        lines.put("HTTPS intake (mutual TLS)", intakeUrl().toString());
        lines.put("File drop directory", dropDirectory.toString());
        lines.put("Time-stamp authority", tsaUrl().toString());
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        lines.forEach((name, url) -> text.append(String.format("  %-" + width + "s  %s%n", name, url)));
        return text.toString();
    }

    PersonalDataMask mask() {
        return overview.mask();
    }

    private static void deleteTree(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a file the importer still holds: the temporary directory is cleaned by the system
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    /** What {@link Builder#start()} made, handed to the constructor in one piece. */
    private static final class Started {
        final List<MockServer> mocks = new ArrayList<>();
        ServicekontoIdpMock idp;
        OidcProviderMock oidc;
        EpayblMock epaybl;
        XBezahldiensteMock xbezahldienste;
        FitConnectSandbox fitConnect;
        ZbpSandbox zbp;
        HttpsIntakeMock intake;
        FileDropIntakeMock fileDrop;
        TimestampAuthorityMock tsa;
        SandboxOverview overview;
        SandboxPki pki;
        SandboxPersonas personas;
        PrivateKeyCredential portalClient;
        PrivateKeyCredential postboxAuthor;
        Path dropDirectory;

        <M extends MockServer> M add(M mock) {
            mocks.add(mock);
            return mock;
        }

        void closeAll() {
            if (overview != null) {
                overview.close();
            }
            mocks.forEach(MockServer::close);
        }
    }

    /** Settings of a {@link Sandbox}. */
    public static final class Builder {
        private int port;
        private Path personaFile;
        private Path dataDirectory = defaultDataDirectory();
        private Path dropDirectory;
        private Duration fileDropPollInterval = Duration.ZERO;
        private final List<URI> oidcRedirectUris = new ArrayList<>(List.of(
                URI.create("http://127.0.0.1:8080/login/oidc"), URI.create("http://localhost:8080/login/oidc")));
        private final List<String> leikaKeys = new ArrayList<>(DEFAULT_LEIKA_KEYS);

        private Builder() {
        }

        /**
         * The overview's port; the mocks take the nine ports after it (IdP +1, OIDC +2, ePayBL +3, XBezahldienste +4,
         * FIT-Connect +5, ZBP +6, HTTPS intake +7, file drop +8, TSA +9). 0 (the default): free ports for all.
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535 - 9) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "port", port,
                        "0 (free ports) or 1..65526 (the mocks take the nine ports after it)");
            }
            this.port = port;
            return this;
        }

        /** A persona file ({@code {"saml": [...], "oidc": [...]}}) whose personas join the shipped ones. */
        public Builder personas(Path file) {
            this.personaFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Where the RSA keys are kept between starts ({@code keys/}); default {@link #defaultDataDirectory()}. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The file-drop importer's directory (kept on close); default: a new directory below the data directory,
         * deleted on close.
         */
        public Builder dropDirectory(Path directory) {
            this.dropDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** How often the file-drop importer looks for files by itself; default 0: only on {@code importNow()}. */
        public Builder fileDropPollInterval(Duration interval) {
            this.fileDropPollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * The redirect URIs of the OIDC client {@link #CLIENT_ID} (default {@code http://127.0.0.1:8080/login/oidc}
         * and the same on localhost).
         */
        public Builder oidcRedirectUris(URI... uris) {
            if (uris.length == 0) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "oidcRedirectUris", "none",
                        "at least one absolute URI");
            }
            oidcRedirectUris.clear();
            oidcRedirectUris.addAll(Arrays.asList(uris));
            return this;
        }

        /** The Leika keys the Fachverfahren destination offers (default {@link #DEFAULT_LEIKA_KEYS}). */
        public Builder leikaKeys(String... keys) {
            if (keys.length == 0) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "leikaKeys", "none",
                        "at least one Leika key of 14 digits");
            }
            leikaKeys.clear();
            leikaKeys.addAll(Arrays.asList(keys));
            return this;
        }

        /**
         * Starts every mock and the overview; on failure stops what already started.
         *
         * @throws ConfigurationException {@code OZG-SANDBOX-114} if a port is taken, {@code OZG-SANDBOX-120} for a
         *     bad persona file, {@code OZG-SANDBOX-121} if the data directory cannot be used
         */
        public Sandbox start() {
            SandboxPersonas personas = personaFile == null ? SandboxPersonas.shipped()
                    : SandboxPersonas.shippedAnd(personaFile);
            KeyPool keys;
            Path drop;
            try {
                keys = KeyPool.in(dataDirectory.resolve("keys"));
                drop = dropDirectory != null ? Files.createDirectories(dropDirectory)
                        : Files.createTempDirectory(Files.createDirectories(dataDirectory), "drop-");
            } catch (IOException | RuntimeException e) {
                throw new ConfigurationException(SandboxError.DATA_DIRECTORY_UNUSABLE, e, dataDirectory, e.toString());
            }
            Started started = new Started();
            started.personas = personas;
            started.dropDirectory = drop;
            try {
                keys.during(() -> {
                    startAll(started);
                    return null;
                });
            } catch (RuntimeException e) {
                started.closeAll();
                throw e;
            }
            return new Sandbox(this, started);
        }

        private int portAt(int offset) {
            return port == 0 ? 0 : port + offset;
        }

        private void startAll(Started s) {
            s.pki = SandboxPki.generate();
            s.portalClient = s.pki.issueClient(CLIENT_ID);
            s.postboxAuthor = SandboxPki.selfSignedRsa("OZG Sandbox Portal");
            s.idp = s.add(ServicekontoIdpMock.builder().port(portAt(1)).personas(s.personas.saml()).start());
            s.oidc = s.add(OidcProviderMock.builder().port(portAt(2)).personas(s.personas.oidc())
                    .client(CLIENT_ID, CLIENT_SECRET, oidcRedirectUris.toArray(URI[]::new)).start());
            s.epaybl = s.add(EpayblMock.builder().port(portAt(3)).https(s.pki).requireClientCertificate()
                    .mandant(EPAYBL_MANDANT, EPAYBL_BEWIRTSCHAFTER).start());
            s.xbezahldienste = s.add(XBezahldiensteMock.builder().port(portAt(4)).oauthClient(CLIENT_ID, CLIENT_SECRET)
                    .start());
            SandboxDestination.Builder fachverfahren = SandboxDestination.builder(FACHVERFAHREN_DESTINATION)
                    .name("Fachverfahren (Sandbox)");
            leikaKeys.forEach(key -> fachverfahren.service("urn:de:fim:leika:leistung:" + key, "DE"));
            s.fitConnect = s.add(FitConnectSandbox.builder().port(portAt(5))
                    .sender(CLIENT_ID, CLIENT_SECRET)
                    .subscriber(FACHVERFAHREN_CLIENT_ID, FACHVERFAHREN_CLIENT_SECRET, FACHVERFAHREN_DESTINATION)
                    .subscriber("zbp", "zbp-secret", ZBP_DESTINATION)
                    .destination(fachverfahren.build())
                    .start());
            ZbpSandbox.Builder zbp = ZbpSandbox.builder().port(portAt(6))
                    .fitConnect(s.fitConnect, ZBP_DESTINATION, "zbp", "zbp-secret")
                    .author(s.postboxAuthor.certificate());
            postkorbHandles(s.personas).forEach(zbp::persona);
            s.zbp = s.add(zbp.start());
            s.intake = s.add(HttpsIntakeMock.builder().port(portAt(7)).https(s.pki).requireClientCertificate().start());
            s.fileDrop = s.add(FileDropIntakeMock.builder(s.dropDirectory).port(portAt(8))
                    .pollInterval(fileDropPollInterval).start());
            s.tsa = s.add(TimestampAuthorityMock.builder().port(portAt(9)).start());
            s.overview = SandboxOverview.start(portAt(0), s.mocks, s.personas);
        }
    }

    /** Every persona's Postkorb-Handle with the name the ZBP's inbox page shows. */
    static Map<UUID, String> postkorbHandles(SandboxPersonas personas) {
        Map<UUID, String> handles = new LinkedHashMap<>();
        for (Persona persona : personas.saml()) {
            persona.postkorbHandle().ifPresent(handle -> handles.putIfAbsent(UUID.fromString(handle),
                    displayName(persona)));
        }
        for (OidcPersona persona : personas.oidc()) {
            Object handle = persona.claims().get("postkorb_handle");
            if (handle instanceof String text) {
                String name = (persona.claims().getOrDefault("given_name", "") + " "
                        + persona.claims().getOrDefault("family_name", "")).trim();
                handles.putIfAbsent(UUID.fromString(text), name.isEmpty() ? persona.id() : name);
            }
        }
        return handles;
    }

    private static String displayName(Persona persona) {
        String given = "";
        String family = "";
        for (Persona.Attribute attribute : persona.attributes()) {
            if (attribute.friendlyName().equals("givenName")) {
                given = attribute.value();
            } else if (attribute.friendlyName().equals("surname")) {
                family = attribute.value();
            }
        }
        String name = (given + " " + family).trim();
        return name.isEmpty() ? persona.id() : name;
    }
}
