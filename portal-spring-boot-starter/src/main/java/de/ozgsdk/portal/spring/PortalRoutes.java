package de.ozgsdk.portal.spring;

import de.ozgsdk.transfer.ChannelRouter;

/**
 * Adds outbox routes the settings cannot express (a FIT-Connect channel, an own {@code SubmissionChannel}): every bean
 * of this type is applied to the router after the routes of {@code ozg.portal.transfer.routes}.
 */
@FunctionalInterface
public interface PortalRoutes {

    /** Adds routes to {@code router}. */
    void addTo(ChannelRouter.Builder router);
}
