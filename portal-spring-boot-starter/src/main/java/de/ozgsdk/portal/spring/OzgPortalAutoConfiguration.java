package de.ozgsdk.portal.spring;

import com.nimbusds.jose.jwk.JWK;
import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.auth.JdbcPendingRequestStore;
import de.ozgsdk.auth.PendingRequestStore;
import de.ozgsdk.auth.oidc.ClientAuthentication;
import de.ozgsdk.auth.oidc.OidcProvider;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.SamlServiceProvider;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.http.timestamp.TimestampClient;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.payment.epaybl.EpayblClient;
import de.ozgsdk.payment.epaybl.EpayblMandant;
import de.ozgsdk.payment.epaybl.EpayblPaypage;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteAuthentication;
import de.ozgsdk.payment.xbezahldienste.XBezahldiensteClient;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.portal.pkg.ServicePackage;
import de.ozgsdk.portal.profile.CompatibilityCheck;
import de.ozgsdk.portal.profile.PortalProfile;
import de.ozgsdk.portal.runtime.ReceiptRenderer;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.FileTenantDirectory;
import de.ozgsdk.portal.tenant.JdbcTenantDirectory;
import de.ozgsdk.portal.tenant.TenantDirectory;
import de.ozgsdk.postbox.PortalPostbox;
import de.ozgsdk.postbox.Postbox;
import de.ozgsdk.transfer.ChannelRouter;
import de.ozgsdk.transfer.FileDropChannel;
import de.ozgsdk.transfer.HttpsChannel;
import de.ozgsdk.transfer.SubmissionChannel;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the OZG service runtime from {@code ozg.portal.*}: database (the application's
 * {@link DataSource} or an embedded H2 file), sealing keys, outbox, tenants, services, time-stamp authority, and the
 * login, payment and postbox providers whose settings are present. Every bean is skipped when the application
 * defines one of the same type, so any part can be replaced.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(OzgPortalProperties.class)
public class OzgPortalAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PortalSettings ozgPortalSettings(Environment environment) {
        return new PortalSettings(environment);
    }

    /** The application's data source if it has one (its owner closes it), else an embedded H2 file. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Database ozgDatabase(ObjectProvider<DataSource> dataSource, OzgPortalProperties properties) {
        DataSource ds = dataSource.getIfUnique();
        if (ds != null) {
            return Database.of(ds);
        }
        Path directory = PortalSettings.required(properties.getDatabase().getH2Directory(),
                "ozg.portal.database.h2-directory", "without a DataSource bean the portal keeps its data in H2");
        return Database.h2File(directory);
    }

    @Bean
    @ConditionalOnMissingBean
    public Sealer ozgSealer(PortalSettings settings, OzgPortalProperties properties) {
        return settings.sealer(properties.getSealing());
    }

    /** The outbox, sealed: applications to the back office hold personal data. */
    @Bean
    @ConditionalOnMissingBean
    public Outbox ozgOutbox(Database database, Sealer sealer, ObjectProvider<Clock> clock) {
        Outbox.Builder builder = Outbox.builder(database).sealer(sealer);
        clock.ifAvailable(builder::clock);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public TenantDirectory ozgTenants(OzgPortalProperties properties, Database database) {
        OzgPortalProperties.Tenants tenants = properties.getTenants();
        if (tenants.isDatabase()) {
            return JdbcTenantDirectory.builder(database).checkInterval(tenants.getCheckInterval()).build();
        }
        Path directory = PortalSettings.required(tenants.getDirectory(), "ozg.portal.tenants.directory",
                "the tenants come from tenant files (or set ozg.portal.tenants.database=true)");
        return FileTenantDirectory.load(directory);
    }

    /** The services of the packages in the settings, then the application's {@link OnlineService} beans. */
    @Bean
    @ConditionalOnMissingBean
    public PortalServices ozgPortalServices(OzgPortalProperties properties, ObjectProvider<OnlineService> beans) {
        List<OnlineService> services = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path path : PortalSettings.listOrEmpty(properties.getServices().getPackages())) {
            ServicePackage loaded = ServicePackage.load(path);
            services.add(loaded.service());
            sources.put(loaded.service().id(), path.toString());
        }
        beans.orderedStream().forEach(service -> {
            services.add(service);
            sources.putIfAbsent(service.id(), "bean");
        });
        if (services.isEmpty()) {
            throw PortalSettingException.missing("ozg.portal.services.packages",
                    "the runtime needs at least one service (a package path, or an OnlineService bean)");
        }
        return new PortalServices(services, sources);
    }

    /** The portal profile of {@code ozg.portal.profile}; the runtime refuses services it cannot run. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ozg.portal.profile")
    public PortalProfile ozgPortalProfile(OzgPortalProperties properties) {
        return PortalProfile.resolve(properties.getProfile());
    }

    @Bean
    @ConditionalOnMissingBean
    public TimestampClient ozgTimestampClient(OzgPortalProperties properties, PortalSettings settings,
            ObjectProvider<Clock> clock) {
        OzgPortalProperties.Timestamp timestamp = properties.getTimestamp();
        String url = PortalSettings.required(timestamp.getUrl(), "ozg.portal.timestamp.url",
                "every submission is time-stamped (RFC 3161) by a time-stamp authority").toString();
        Path anchors = PortalSettings.required(timestamp.getTrustAnchors(), "ozg.portal.timestamp.trust-anchors",
                "the time-stamp authority's certificate is checked against these anchors (PEM)");
        TimestampClient.Builder builder = TimestampClient.builder().url(url)
                .trustAnchors(settings.trust("ozg.portal.timestamp.trust-anchors", anchors).certificates());
        clock.ifAvailable(builder::clock);
        return builder.build();
    }

    /** Pending logins in the database: any node completes a login another node started. */
    @Bean
    @ConditionalOnMissingBean
    public PendingRequestStore ozgPendingRequests(Database database) {
        return JdbcPendingRequestStore.of(database);
    }

    /**
     * Delivers the outbox: the routes of {@code ozg.portal.transfer.routes}, the postbox's routes and those of every
     * {@link PortalRoutes} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    public ChannelRouter ozgChannelRouter(OzgPortalProperties properties, PortalSettings settings,
            ObjectProvider<PortalPostbox> postbox, ObjectProvider<PortalRoutes> extra, ServiceRuntime runtime) {
        // a receiver's acknowledgement starts the deletion of the application's personal data
        ChannelRouter.Builder router = ChannelRouter.builder().onReceipt(runtime.retention().receiptHandler());
        properties.getTransfer().getRoutes().forEach((destination, route) ->
                router.route(destination, channel(settings, destination, route)));
        postbox.ifAvailable(p -> p.addRoutes(router));
        extra.orderedStream().forEach(routes -> routes.addTo(router));
        return router.build();
    }

    private static SubmissionChannel channel(PortalSettings settings, String destination,
            OzgPortalProperties.Route route) {
        String prefix = "ozg.portal.transfer.routes." + destination;
        if (route.getHttpsUrl() != null && route.getFileDrop() != null) {
            throw PortalSettingException.invalid(prefix, "a route is either https-url or file-drop, not both", null);
        }
        if (route.getFileDrop() != null) {
            return FileDropChannel.create(route.getFileDrop());
        }
        PortalSettings.required(route.getHttpsUrl(), prefix + ".https-url",
                "a route delivers to an HTTPS intake (or set " + prefix + ".file-drop)");
        return HttpsChannel.builder(route.getHttpsUrl(), settings.http("transfer-" + destination,
                prefix + ".keystore", route.getKeystore(), prefix + ".trust-anchors", route.getTrustAnchors())).build();
    }

    @Bean
    @ConditionalOnMissingBean
    public ServiceRuntime ozgServiceRuntime(OzgPortalProperties properties, Database database, Sealer sealer,
            PortalServices services, TenantDirectory tenants, TimestampClient timestamps, Outbox outbox,
            ObjectProvider<AuthProvider> authProviders, ObjectProvider<PaymentProvider> payment,
            ObjectProvider<Postbox> postbox, ObjectProvider<PortalProfile> profile,
            ObjectProvider<ReceiptRenderer> receipts, ObjectProvider<Clock> clock) {
        ServiceRuntime.Builder builder = ServiceRuntime.builder(database, sealer)
                .tenants(tenants)
                .timestamps(timestamps)
                .outbox(outbox)
                .draftLifetime(properties.getDrafts().getLifetime());
        services.services().forEach(builder::service);
        authProviders.orderedStream().forEach(builder::authProvider);
        payment.ifUnique(builder::payments);
        postbox.ifUnique(builder::postbox);
        receipts.ifUnique(builder::receiptRenderer);
        clock.ifAvailable(builder::clock);
        profile.ifAvailable(p -> builder.serviceCheck(service -> CompatibilityCheck.check(service, p).blockers()
                .stream().map(item -> item.code().code() + " " + item.concerns()).toList()));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public OzgPortalLifecycle ozgPortalLifecycle(OzgPortalProperties properties, ServiceRuntime runtime,
            Outbox outbox, ChannelRouter router) {
        OzgPortalProperties.Outbox settings = properties.getOutbox();
        String workerId = settings.getWorkerId() != null ? settings.getWorkerId() : defaultWorkerId();
        return new OzgPortalLifecycle(runtime, outbox, settings.isDispatch() ? Optional.of(router) : Optional.empty(),
                workerId, settings.getPollInterval(), properties.getDrafts().getPurgeInterval());
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
        return id.length() > 100 ? id.substring(0, 100) : id;
    }

    /** SAML login at BundID, when {@code ozg.portal.auth.saml.entity-id} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ozg.portal.auth.saml.entity-id")
    static class SamlConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdpMetadataSource ozgIdpMetadataSource(OzgPortalProperties properties) {
            return IdpMetadataSource.of(properties.getAuth().getSaml());
        }

        @Bean
        @ConditionalOnMissingBean
        public SamlServiceProvider ozgSamlServiceProvider(OzgPortalProperties properties, PortalSettings settings,
                IdpMetadataSource metadata, PendingRequestStore store, ObjectProvider<Clock> clock) {
            OzgPortalProperties.Saml saml = properties.getAuth().getSaml();
            String prefix = "ozg.portal.auth.saml";
            PrivateKeyCredential key = settings.credential(prefix + ".keystore", saml.getKeystore(),
                    "the SP signs its requests and decrypts the assertions with this key (PKCS#12)");
            SamlServiceProvider.Builder builder = SamlServiceProvider.builder()
                    .entityId(saml.getEntityId())
                    .acsUrl(PortalSettings.required(saml.getAcsUrl(), prefix + ".acs-url",
                            "the IdP posts the login response there"))
                    .signingKey(key)
                    .decryptionKey(key)
                    .idp(metadata.load())
                    .profile(BundIdProfile.builder(
                            PortalSettings.required(saml.getOrganisationName(), prefix + ".organisation-name",
                                    "BundID shows it on the login page"),
                            PortalSettings.required(saml.getOnlineServiceId(), prefix + ".online-service-id",
                                    "BundID needs the id the online service is registered with")).build())
                    .pendingRequests(store)
                    .allowedSkew(saml.getAllowedSkew());
            clock.ifAvailable(builder::clock);
            return builder.build();
        }
    }

    /** OpenID Connect login, when {@code ozg.portal.auth.oidc.issuer} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ozg.portal.auth.oidc.issuer")
    static class OidcConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public OidcProvider ozgOidcProvider(OzgPortalProperties properties, PortalSettings settings,
                PendingRequestStore store, ObjectProvider<Clock> clock) {
            OzgPortalProperties.Oidc oidc = properties.getAuth().getOidc();
            String prefix = "ozg.portal.auth.oidc";
            OidcProvider.Builder builder = OidcProvider.builder()
                    .issuer(oidc.getIssuer())
                    .clientId(PortalSettings.required(oidc.getClientId(), prefix + ".client-id",
                            "the client id registered at the provider"))
                    .clientAuthentication(clientAuthentication(settings, oidc, prefix))
                    .redirectUri(PortalSettings.required(oidc.getRedirectUri(), prefix + ".redirect-uri",
                            "the provider sends the browser back there"))
                    .store(store);
            clock.ifAvailable(builder::clock);
            return builder.build();
        }

        private static ClientAuthentication clientAuthentication(PortalSettings settings,
                OzgPortalProperties.Oidc oidc, String prefix) {
            if (oidc.getPrivateKeyJwk() != null) {
                String json = PortalSettings.readText(prefix + ".private-key-jwk", oidc.getPrivateKeyJwk());
                try {
                    return ClientAuthentication.privateKeyJwt(JWK.parse(json));
                } catch (ParseException | OzgException e) {
                    throw PortalSettingException.invalid(prefix + ".private-key-jwk", "not a private JWK", e);
                }
            }
            return ClientAuthentication.secretBasic(settings.secret(prefix + ".client-secret", oidc.getClientSecret(),
                    "the client authenticates with a secret (or set " + prefix + ".private-key-jwk)"));
        }
    }

    /** XBezahldienste, when {@code ozg.portal.payment.xbezahldienste.base-url} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ozg.portal.payment.xbezahldienste.base-url")
    static class XBezahldiensteConfiguration {

        @Bean
        @ConditionalOnMissingBean(PaymentProvider.class)
        public XBezahldiensteClient ozgXBezahldienste(OzgPortalProperties properties, PortalSettings settings) {
            OzgPortalProperties.XBezahldienste xbd = properties.getPayment().getXbezahldienste();
            String prefix = "ozg.portal.payment.xbezahldienste";
            return XBezahldiensteClient.builder()
                    .baseUrl(xbd.getBaseUrl())
                    .originatorId(PortalSettings.required(xbd.getOriginatorId(), prefix + ".originator-id",
                            "the payment service knows the portal by it"))
                    .authentication(XBezahldiensteAuthentication.clientCredentials(
                            PortalSettings.required(xbd.getTokenEndpoint(), prefix + ".token-endpoint",
                                    "the portal gets its access token there"),
                            PortalSettings.required(xbd.getClientId(), prefix + ".client-id", "OAuth 2.0 client"),
                            settings.secret(prefix + ".client-secret", xbd.getClientSecret(), "OAuth 2.0 client")))
                    .build();
        }
    }

    /** Classic ePayBL, when {@code ozg.portal.payment.epaybl.service-url} is set (and no other payment provider). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ozg.portal.payment.epaybl.service-url")
    static class EpayblConfiguration {

        @Bean
        @ConditionalOnMissingBean(PaymentProvider.class)
        public EpayblClient ozgEpaybl(OzgPortalProperties properties, PortalSettings settings) {
            OzgPortalProperties.Epaybl epaybl = properties.getPayment().getEpaybl();
            String prefix = "ozg.portal.payment.epaybl";
            Path backlinkKey = PortalSettings.required(epaybl.getBacklinkKeyFile(), prefix + ".backlink-key-file",
                    "the pay page's back links are signed with this key (Base64)");
            byte[] key;
            try {
                key = Base64.getDecoder().decode(PortalSettings.readText(prefix + ".backlink-key-file", backlinkKey)
                        .strip());
            } catch (IllegalArgumentException e) {
                throw PortalSettingException.invalid(prefix + ".backlink-key-file", "not Base64", e);
            }
            EpayblClient.Builder builder = EpayblClient.builder()
                    .serviceUrl(epaybl.getServiceUrl())
                    .paypage(EpayblPaypage.of(PortalSettings.required(epaybl.getPaypageUrl(), prefix + ".paypage-url",
                            "the citizen pays there"), key))
                    .mandant(new EpayblMandant(
                            PortalSettings.required(epaybl.getMandantNr(), prefix + ".mandant-nr", "ePayBL Mandant"),
                            PortalSettings.required(epaybl.getBewirtschafterNr(), prefix + ".bewirtschafter-nr",
                                    "ePayBL Bewirtschafter"),
                            PortalSettings.required(epaybl.getKennzeichenMahnverfahren(),
                                    prefix + ".kennzeichen-mahnverfahren", "dunning key of the cashier's office")));
            settings.optionalCredential(prefix + ".keystore", epaybl.getKeystore())
                    .ifPresent(builder::clientCertificate);
            return builder.build();
        }
    }

    /** The portal's own postbox, when {@code ozg.portal.postbox.messages-url} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("ozg.portal.postbox.messages-url")
    static class PostboxConfiguration {

        @Bean
        @ConditionalOnMissingBean(Postbox.class)
        public PortalPostbox ozgPortalPostbox(OzgPortalProperties properties, PortalSettings settings,
                Outbox outbox) {
            OzgPortalProperties.Postbox postbox = properties.getPostbox();
            String prefix = "ozg.portal.postbox";
            return PortalPostbox.builder(postbox.getMessagesUrl(),
                    PortalSettings.required(postbox.getStatusUrl(), prefix + ".status-url",
                            "status updates of applications go there"),
                    settings.http("postbox", prefix + ".keystore", postbox.getKeystore(), prefix + ".trust-anchors",
                            postbox.getTrustAnchors()), outbox).build();
        }
    }
}
