package de.ozgsdk.portal.spring;

import de.ozgsdk.auth.AuthProvider;
import de.ozgsdk.payment.PaymentProvider;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.portal.profile.PortalProfile;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.tenant.TenantDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code ozgPortal} ({@link OzgPortalHealthIndicator}), when the application has Spring Boot's
 * health support ({@code spring-boot-health}, e.g. through {@code spring-boot-starter-actuator}); switch it off with
 * {@code management.health.ozgPortal.enabled=false}.
 */
@AutoConfiguration(after = OzgPortalAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ServiceRuntime.class)
@ConditionalOnEnabledHealthIndicator("ozgPortal")
public class OzgPortalHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ozgPortalHealthIndicator")
    public OzgPortalHealthIndicator ozgPortalHealthIndicator(Database database, Outbox outbox,
            ObjectProvider<AuthProvider> authProviders, ObjectProvider<IdpMetadataSource> idpMetadata,
            ObjectProvider<PaymentProvider> payment, TenantDirectory tenants, PortalServices services,
            ObjectProvider<PortalProfile> profile, OzgPortalProperties properties) {
        Map<String, Path> fileDrops = new LinkedHashMap<>();
        properties.getTransfer().getRoutes().forEach((destination, route) -> {
            if (route.getFileDrop() != null) {
                fileDrops.put(destination, route.getFileDrop());
            }
        });
        return new OzgPortalHealthIndicator(database, outbox, authProviders.orderedStream().toList(),
                Optional.ofNullable(idpMetadata.getIfAvailable()), Optional.ofNullable(payment.getIfUnique()),
                tenants, services, Optional.ofNullable(profile.getIfAvailable()), fileDrops);
    }
}
