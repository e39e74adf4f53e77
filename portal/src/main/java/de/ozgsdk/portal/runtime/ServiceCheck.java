package de.ozgsdk.portal.runtime;

import de.ozgsdk.portal.service.OnlineService;
import java.util.List;

/**
 * The hook through which a portal refuses services it cannot run (the compatibility check of a portal profile):
 * {@link ServiceRuntime.Builder#build()} asks it for every service and refuses to build when one has blockers.
 */
@FunctionalInterface
public interface ServiceCheck {

    /** Accepts every service. */
    ServiceCheck ACCEPT_ALL = service -> List.of();

    /** Why {@code service} cannot run on this portal, one sentence each (no personal data); empty if it can. */
    List<String> blockers(OnlineService service);
}
