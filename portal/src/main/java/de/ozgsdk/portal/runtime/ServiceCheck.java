package de.ozgsdk.portal.runtime;

import de.ozgsdk.portal.profile.CompatibilityCheck;
import de.ozgsdk.portal.profile.PortalProfile;
import de.ozgsdk.portal.service.OnlineService;
import java.util.List;
import java.util.Locale;

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

    /**
     * The compatibility check against {@code profile}: a service with blockers on that portal is refused, each
     * blocker named with its code (degradations do not block).
     */
    static ServiceCheck of(PortalProfile profile) {
        return service -> CompatibilityCheck.check(service, profile).blockers().stream()
                .map(item -> item.code().code() + " " + item.message(Locale.ENGLISH)).toList();
    }
}
