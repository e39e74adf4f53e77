package de.ozgsdk.portal.spring;

import de.ozgsdk.portal.service.OnlineService;
import java.util.List;
import java.util.Map;

/**
 * The online services the portal runs: those of the service packages under {@code ozg.portal.services.packages} and
 * the {@link OnlineService} beans of the application (services written in Java).
 *
 * @param services the services, in the order of the settings, then the beans
 * @param sources  where each service came from (package path or {@code bean}), by service id
 */
public record PortalServices(List<OnlineService> services, Map<String, String> sources) {

    public PortalServices {
        services = List.copyOf(services);
        sources = Map.copyOf(sources);
    }
}
