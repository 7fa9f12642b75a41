package io.trunkguard.securityevent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code trunkguard.siem.interval}, on a thread of its own: derives the security
 * events of new audit trail entries, then sends the due ones to the configured
 * destinations (none: they are only listed). Off with
 * {@code trunkguard.siem.enabled=false} (the audit verify command sets it: a verifier
 * only reads).
 */
@Component
class SecurityEventPump implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SecurityEventPump.class);

	private final SecurityEventService service;

	private final SiemForwarder forwarder;

	private final SiemProperties properties;

	private final Clock clock;

	private final boolean enabled;

	private volatile ScheduledExecutorService executor;

	SecurityEventPump(SecurityEventService service, SecurityEvents events, ObjectProvider<SiemDestination> destinations,
			SiemProperties properties, PlatformTransactionManager transactions, DataSource dataSource,
			ObjectProvider<Clock> clock, @Value("${trunkguard.siem.enabled:true}") boolean enabled) {
		this.service = service;
		this.enabled = enabled;
		List<SiemDestination> configured = destinations.orderedStream().toList();
		this.forwarder = new SiemForwarder(events, configured, properties, transactions, dataSource);
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The forwarder to the configured destinations (for the page's delivery status). */
	SiemForwarder forwarder() {
		return forwarder;
	}

	@Override
	public void start() {
		if (!enabled) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "trunkguard-security-events");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.interval().toMillis();
		started.scheduleWithFixedDelay(this::runQuietly, period, period, TimeUnit.MILLISECONDS);
		executor = started;
		if (!forwarder.destinations().isEmpty()) {
			log.info("Forwarding security events to {}",
					forwarder.destinations().stream().map(SiemDestination::name).toList());
		}
	}

	private void runQuietly() {
		try {
			service.deriveNew();
			forwarder.forwardDue(clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("Deriving or forwarding security events failed; tried again in {}", properties.interval(), e);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
