package de.ozgsdk.portal.spring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The settings of the portal under {@code ozg.portal} in {@code application.yml}: database, sealing keys, drafts,
 * service packages, tenants, time-stamp authority, login, payment, postbox and back-office routes. Secrets (keys,
 * passwords, client secrets) belong in files or environment variables; one found in a configuration file is used,
 * with a warning in the log.
 */
@ConfigurationProperties("ozg.portal")
public class OzgPortalProperties {

    /** Where the portal's servlet is mounted (a servlet URL pattern). */
    private String path = "/ozg/*";
    /**
     * The portal profile the services are checked against before the runtime starts: "central", "legacy" or the
     * path of a profile file; without it only the runtime's own checks apply.
     */
    private String profile;
    private final Database database = new Database();
    private final Sealing sealing = new Sealing();
    private final Drafts drafts = new Drafts();
    private final Services services = new Services();
    private final Tenants tenants = new Tenants();
    private final Timestamp timestamp = new Timestamp();
    private final Auth auth = new Auth();
    private final Payment payment = new Payment();
    private final Postbox postbox = new Postbox();
    private final Transfer transfer = new Transfer();
    private final Outbox outbox = new Outbox();
    private final Web web = new Web();

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public Database getDatabase() {
        return database;
    }

    public Sealing getSealing() {
        return sealing;
    }

    public Drafts getDrafts() {
        return drafts;
    }

    public Services getServices() {
        return services;
    }

    public Tenants getTenants() {
        return tenants;
    }

    public Timestamp getTimestamp() {
        return timestamp;
    }

    public Auth getAuth() {
        return auth;
    }

    public Payment getPayment() {
        return payment;
    }

    public Postbox getPostbox() {
        return postbox;
    }

    public Transfer getTransfer() {
        return transfer;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Web getWeb() {
        return web;
    }

    /** The database: the application's DataSource bean if there is one, else an embedded H2 file. */
    public static class Database {

        /** Directory of the embedded H2 database (file ozg.mv.db), used when the application has no DataSource. */
        private Path h2Directory = Path.of("ozg-data");

        public Path getH2Directory() {
            return h2Directory;
        }

        public void setH2Directory(Path h2Directory) {
            this.h2Directory = h2Directory;
        }
    }

    /** The AES-256 keys that seal drafts, receipts and outbox payloads at rest. */
    public static class Sealing {

        /** The keys; every key opens, the primary (default: the last) seals. At least one is required. */
        private List<SealingKey> keys = new ArrayList<>();
        /** The id of the key that seals (default: the last key). */
        private String primary;

        public List<SealingKey> getKeys() {
            return keys;
        }

        public void setKeys(List<SealingKey> keys) {
            this.keys = keys;
        }

        public String getPrimary() {
            return primary;
        }

        public void setPrimary(String primary) {
            this.primary = primary;
        }
    }

    /** One sealing key: from a file, a PKCS#12 key store, or a value (e.g. from an environment variable). */
    public static class SealingKey {

        /** The key id (letters, digits, ".", "_", "-"), stored with every sealed record. */
        private String id;
        /** A file holding the 32-byte key in Base64 (e.g. a mounted secret). */
        private Path file;
        /** The 32-byte key in Base64; set it from an environment variable, never in a configuration file. */
        private String value;
        /** A PKCS#12 key store holding the key as an AES secret key entry (alias required). */
        @NestedConfigurationProperty
        private final KeyStoreSetting keystore = new KeyStoreSetting();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public Path getFile() {
            return file;
        }

        public void setFile(Path file) {
            this.file = file;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public KeyStoreSetting getKeystore() {
            return keystore;
        }
    }

    /** Drafts (applications not yet submitted). */
    public static class Drafts {

        /** How long an application is kept after its last change. */
        private Duration lifetime = Duration.ofDays(30);
        /** How often expired drafts are deleted. */
        private Duration purgeInterval = Duration.ofHours(1);

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration getPurgeInterval() {
            return purgeInterval;
        }

        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
        }
    }

    /** The online services. */
    public static class Services {

        /** Service packages: directories or .ozg files. OnlineService beans of the application are added. */
        private List<Path> packages = new ArrayList<>();

        public List<Path> getPackages() {
            return packages;
        }

        public void setPackages(List<Path> packages) {
            this.packages = packages;
        }
    }

    /** Where the tenants (municipalities) come from. */
    public static class Tenants {

        /** A tenant file or a directory of tenant files (*.json). */
        private Path directory;
        /** Read the tenants from the database (table ozg_portal_tenant) instead of files. */
        private boolean database;
        /** How often the database tenants are checked for changes by other nodes. */
        private Duration checkInterval = Duration.ofSeconds(30);

        public Path getDirectory() {
            return directory;
        }

        public void setDirectory(Path directory) {
            this.directory = directory;
        }

        public boolean isDatabase() {
            return database;
        }

        public void setDatabase(boolean database) {
            this.database = database;
        }

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }

    /** The RFC 3161 time-stamp authority that stamps every submission. */
    public static class Timestamp {

        /** The TSA's URL (https; http only on localhost). */
        private URI url;
        /** PEM file of the certificates the TSA's signing certificate must chain to. */
        private Path trustAnchors;

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public Path getTrustAnchors() {
            return trustAnchors;
        }

        public void setTrustAnchors(Path trustAnchors) {
            this.trustAnchors = trustAnchors;
        }
    }

    /** A PKCS#12 key store with a private key and its certificate chain. */
    public static class KeyStoreSetting {

        /** The PKCS#12 file. */
        private Path path;
        /** Its password; set it from an environment variable, never in a configuration file. */
        private String password;
        /** The alias of the key entry (default: the only one). */
        private String alias;

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getAlias() {
            return alias;
        }

        public void setAlias(String alias) {
            this.alias = alias;
        }
    }

    /** Login providers (Servicekonten). */
    public static class Auth {

        private final Saml saml = new Saml();
        private final Oidc oidc = new Oidc();

        public Saml getSaml() {
            return saml;
        }

        public Oidc getOidc() {
            return oidc;
        }
    }

    /** SAML 2.0 login at BundID. */
    public static class Saml {

        /** The SP's entityID, as registered at BundID; setting it enables SAML login. */
        private URI entityId;
        /** The assertion consumer service URL (where the IdP posts the response). */
        private URI acsUrl;
        /** The SP's signing and decryption key. */
        @NestedConfigurationProperty
        private final KeyStoreSetting keystore = new KeyStoreSetting();
        /** URL of the IdP's metadata, fetched at start and by the health check. */
        private URI idpMetadataUrl;
        /** File of the IdP's metadata (instead of the URL). */
        private Path idpMetadataFile;
        /** The organisation shown at BundID's login page (e.g. "Stadt Köln"). */
        private String organisationName;
        /** The online service id registered at BundID. */
        private String onlineServiceId;
        /** Clock difference to the IdP that is tolerated. */
        private Duration allowedSkew = Duration.ofSeconds(30);
        /** Timeout of fetching the IdP metadata. */
        private Duration metadataTimeout = Duration.ofSeconds(10);

        public URI getEntityId() {
            return entityId;
        }

        public void setEntityId(URI entityId) {
            this.entityId = entityId;
        }

        public URI getAcsUrl() {
            return acsUrl;
        }

        public void setAcsUrl(URI acsUrl) {
            this.acsUrl = acsUrl;
        }

        public KeyStoreSetting getKeystore() {
            return keystore;
        }

        public URI getIdpMetadataUrl() {
            return idpMetadataUrl;
        }

        public void setIdpMetadataUrl(URI idpMetadataUrl) {
            this.idpMetadataUrl = idpMetadataUrl;
        }

        public Path getIdpMetadataFile() {
            return idpMetadataFile;
        }

        public void setIdpMetadataFile(Path idpMetadataFile) {
            this.idpMetadataFile = idpMetadataFile;
        }

        public String getOrganisationName() {
            return organisationName;
        }

        public void setOrganisationName(String organisationName) {
            this.organisationName = organisationName;
        }

        public String getOnlineServiceId() {
            return onlineServiceId;
        }

        public void setOnlineServiceId(String onlineServiceId) {
            this.onlineServiceId = onlineServiceId;
        }

        public Duration getAllowedSkew() {
            return allowedSkew;
        }

        public void setAllowedSkew(Duration allowedSkew) {
            this.allowedSkew = allowedSkew;
        }

        public Duration getMetadataTimeout() {
            return metadataTimeout;
        }

        public void setMetadataTimeout(Duration metadataTimeout) {
            this.metadataTimeout = metadataTimeout;
        }
    }

    /** OpenID Connect login (e.g. a Keycloak broker in front of BundID). */
    public static class Oidc {

        /** The issuer; setting it enables OIDC login. */
        private String issuer;
        /** The client id. */
        private String clientId;
        /** The client secret (client_secret_basic); from an environment variable, never in a configuration file. */
        private String clientSecret;
        /** A JWK file with the client's private key (private_key_jwt), instead of a secret. */
        private Path privateKeyJwk;
        /** The redirect URI registered for the client. */
        private URI redirectUri;

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public Path getPrivateKeyJwk() {
            return privateKeyJwk;
        }

        public void setPrivateKeyJwk(Path privateKeyJwk) {
            this.privateKeyJwk = privateKeyJwk;
        }

        public URI getRedirectUri() {
            return redirectUri;
        }

        public void setRedirectUri(URI redirectUri) {
            this.redirectUri = redirectUri;
        }
    }

    /** The payment provider (one of XBezahldienste or ePayBL). */
    public static class Payment {

        private final XBezahldienste xbezahldienste = new XBezahldienste();
        private final Epaybl epaybl = new Epaybl();

        public XBezahldienste getXbezahldienste() {
            return xbezahldienste;
        }

        public Epaybl getEpaybl() {
            return epaybl;
        }
    }

    /** An XBezahldienste payment service (ePayBL konnektor, pmPayment, GiroCheckout). */
    public static class XBezahldienste {

        /** The base URL of the XBezahldienste API; setting it enables XBezahldienste. */
        private URI baseUrl;
        /** The portal's originator id at the payment service. */
        private String originatorId;
        /** The OAuth 2.0 token endpoint (client credentials). */
        private URI tokenEndpoint;
        /** The OAuth 2.0 client id. */
        private String clientId;
        /** The OAuth 2.0 client secret; from an environment variable, never in a configuration file. */
        private String clientSecret;

        public URI getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getOriginatorId() {
            return originatorId;
        }

        public void setOriginatorId(String originatorId) {
            this.originatorId = originatorId;
        }

        public URI getTokenEndpoint() {
            return tokenEndpoint;
        }

        public void setTokenEndpoint(URI tokenEndpoint) {
            this.tokenEndpoint = tokenEndpoint;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }
    }

    /** A classic ePayBL (SOAP) payment service. */
    public static class Epaybl {

        /** The ePayBL web service URL; setting it enables ePayBL. */
        private URI serviceUrl;
        /** The login URL of the ePayBL pay page. */
        private URI paypageUrl;
        /** A file with the Base64 key that signs the pay page's back links. */
        private Path backlinkKeyFile;
        /** The Mandant number. */
        private String mandantNr;
        /** The Bewirtschafter number. */
        private String bewirtschafterNr;
        /** The Kennzeichen Mahnverfahren. */
        private String kennzeichenMahnverfahren;
        /** The client certificate for mutual TLS. */
        @NestedConfigurationProperty
        private final KeyStoreSetting keystore = new KeyStoreSetting();

        public URI getServiceUrl() {
            return serviceUrl;
        }

        public void setServiceUrl(URI serviceUrl) {
            this.serviceUrl = serviceUrl;
        }

        public URI getPaypageUrl() {
            return paypageUrl;
        }

        public void setPaypageUrl(URI paypageUrl) {
            this.paypageUrl = paypageUrl;
        }

        public Path getBacklinkKeyFile() {
            return backlinkKeyFile;
        }

        public void setBacklinkKeyFile(Path backlinkKeyFile) {
            this.backlinkKeyFile = backlinkKeyFile;
        }

        public String getMandantNr() {
            return mandantNr;
        }

        public void setMandantNr(String mandantNr) {
            this.mandantNr = mandantNr;
        }

        public String getBewirtschafterNr() {
            return bewirtschafterNr;
        }

        public void setBewirtschafterNr(String bewirtschafterNr) {
            this.bewirtschafterNr = bewirtschafterNr;
        }

        public String getKennzeichenMahnverfahren() {
            return kennzeichenMahnverfahren;
        }

        public void setKennzeichenMahnverfahren(String kennzeichenMahnverfahren) {
            this.kennzeichenMahnverfahren = kennzeichenMahnverfahren;
        }

        public KeyStoreSetting getKeystore() {
            return keystore;
        }
    }

    /** The portal's own citizen postbox (messages and status updates over HTTPS with mutual TLS). */
    public static class Postbox {

        /** The endpoint that takes postbox messages; setting it enables the postbox. */
        private URI messagesUrl;
        /** The endpoint that takes status updates. */
        private URI statusUrl;
        /** The portal's client certificate. */
        @NestedConfigurationProperty
        private final KeyStoreSetting keystore = new KeyStoreSetting();
        /** PEM file of the certificates the postbox server's certificate must chain to (default: the JDK's). */
        private Path trustAnchors;

        public URI getMessagesUrl() {
            return messagesUrl;
        }

        public void setMessagesUrl(URI messagesUrl) {
            this.messagesUrl = messagesUrl;
        }

        public URI getStatusUrl() {
            return statusUrl;
        }

        public void setStatusUrl(URI statusUrl) {
            this.statusUrl = statusUrl;
        }

        public KeyStoreSetting getKeystore() {
            return keystore;
        }

        public Path getTrustAnchors() {
            return trustAnchors;
        }

        public void setTrustAnchors(Path trustAnchors) {
            this.trustAnchors = trustAnchors;
        }
    }

    /** Routes of the outbox: back-office destination name (as in the tenant files) to channel. */
    public static class Transfer {

        /** The routes by destination name. */
        private Map<String, Route> routes = new LinkedHashMap<>();

        public Map<String, Route> getRoutes() {
            return routes;
        }

        public void setRoutes(Map<String, Route> routes) {
            this.routes = routes;
        }
    }

    /** One route: HTTPS with mutual TLS, or a file drop directory. */
    public static class Route {

        /** The HTTPS intake URL of the back-office system. */
        private URI httpsUrl;
        /** The portal's client certificate for the HTTPS intake. */
        @NestedConfigurationProperty
        private final KeyStoreSetting keystore = new KeyStoreSetting();
        /** PEM file of the certificates the intake's certificate must chain to (default: the JDK's). */
        private Path trustAnchors;
        /** A directory the back-office system collects files from (instead of HTTPS). */
        private Path fileDrop;

        public URI getHttpsUrl() {
            return httpsUrl;
        }

        public void setHttpsUrl(URI httpsUrl) {
            this.httpsUrl = httpsUrl;
        }

        public KeyStoreSetting getKeystore() {
            return keystore;
        }

        public Path getTrustAnchors() {
            return trustAnchors;
        }

        public void setTrustAnchors(Path trustAnchors) {
            this.trustAnchors = trustAnchors;
        }

        public Path getFileDrop() {
            return fileDrop;
        }

        public void setFileDrop(Path fileDrop) {
            this.fileDrop = fileDrop;
        }
    }

    /** Delivery of the outbox (applications, postbox messages). */
    public static class Outbox {

        /** Whether this node delivers the outbox (every node may; each message goes out once). */
        private boolean dispatch = true;
        /** The name of this node in the outbox leases (default: host name and process id). */
        private String workerId;
        /** How often the outbox is polled. */
        private Duration pollInterval = Duration.ofSeconds(5);

        public boolean isDispatch() {
            return dispatch;
        }

        public void setDispatch(boolean dispatch) {
            this.dispatch = dispatch;
        }

        public String getWorkerId() {
            return workerId;
        }

        public void setWorkerId(String workerId) {
            this.workerId = workerId;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    /** The servlet adapter in a servlet web application. */
    public static class Web {

        /** Whether the servlet and the security headers filter are registered. */
        private boolean enabled = true;
        /**
         * The tenant this portal serves (its id, e.g. the Regionalschlüssel); without it the application sets a
         * TenantResolution request attribute itself (several tenants).
         */
        private String tenant;
        /** A file with the Base64 key (at least 32 bytes) of the CSRF tokens; every node needs the same. */
        private Path csrfKeyFile;
        /** The CSRF key in Base64; set it from an environment variable, never in a configuration file. */
        private String csrfKey;
        /** Other origins whose form posts are accepted (e.g. the portal's public host behind a proxy). */
        private List<String> trustedOrigins = new ArrayList<>();
        /** Where flow sessions live: "http-session" (the container's) or "database" (every node sees them). */
        private String sessions = "http-session";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public Path getCsrfKeyFile() {
            return csrfKeyFile;
        }

        public void setCsrfKeyFile(Path csrfKeyFile) {
            this.csrfKeyFile = csrfKeyFile;
        }

        public String getCsrfKey() {
            return csrfKey;
        }

        public void setCsrfKey(String csrfKey) {
            this.csrfKey = csrfKey;
        }

        public List<String> getTrustedOrigins() {
            return trustedOrigins;
        }

        public void setTrustedOrigins(List<String> trustedOrigins) {
            this.trustedOrigins = trustedOrigins;
        }

        public String getSessions() {
            return sessions;
        }

        public void setSessions(String sessions) {
            this.sessions = sessions;
        }
    }
}
