package de.ozgsdk.portal.spring;

import de.ozgsdk.persistence.Outbox;
import de.ozgsdk.persistence.OutboxDispatcher;
import de.ozgsdk.portal.runtime.PersonalDataRetention;
import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.transfer.ChannelRouter;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the portal's background work with the application context: the outbox dispatcher (applications to the back
 * office, messages to the postbox) and the purge of expired drafts start when the context has started and stop,
 * finishing the batch in hand, when it closes.
 */
public final class OzgPortalLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OzgPortalLifecycle.class);

    private final ServiceRuntime runtime;
    private final Outbox outbox;
    private final Optional<ChannelRouter> router;
    private final String workerId;
    private final Duration pollInterval;
    private final Duration purgeInterval;
    private OutboxDispatcher dispatcher;
    private PersonalDataRetention.Job purgeJob;

    OzgPortalLifecycle(ServiceRuntime runtime, Outbox outbox, Optional<ChannelRouter> router, String workerId,
            Duration pollInterval, Duration purgeInterval) {
        this.runtime = runtime;
        this.outbox = outbox;
        this.router = router;
        this.workerId = workerId;
        this.pollInterval = pollInterval;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        // the retention job also purges expired drafts, with the documents and other data its holders keep of them
        purgeJob = runtime.retention().startJob(purgeInterval);
        router.ifPresent(r -> dispatcher = OutboxDispatcher.builder(outbox, r).workerId(workerId)
                .pollInterval(pollInterval).build().start());
        LOG.info("OZG portal started: outbox dispatcher {}, data retention and draft purge every {}",
                dispatcher == null ? "off" : workerId, purgeInterval);
    }

    @Override
    public synchronized void stop() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        if (purgeJob != null) {
            purgeJob.close();
            purgeJob = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return purgeJob != null;
    }

    /** The outbox dispatcher while running and dispatching on this node. */
    public synchronized Optional<OutboxDispatcher> dispatcher() {
        return Optional.ofNullable(dispatcher);
    }
}
