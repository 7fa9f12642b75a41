package io.trunkguard.securityevent;

import io.trunkguard.shared.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * Every {@code trunkguard.siem.interval}, on a thread of its own: derives the security
 * events of new audit trail entries, then sends the due ones to the configured
 * destinations (none: they are only listed). Off with
 * {@code trunkguard.siem.enabled=false} (the audit verify command sets it: a verifier
 * only reads).
 */
@Component
class SecurityEventPump extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(SecurityEventPump.class);

	private final SecurityEventService service;

	private final SiemForwarder forwarder;

	private final SiemProperties properties;

	private final Clock clock;

	SecurityEventPump(SecurityEventService service, SecurityEvents events, ObjectProvider<SiemDestination> destinations,
			SiemProperties properties, PlatformTransactionManager transactions, DataSource dataSource,
			ObjectProvider<Clock> clock, @Value("${trunkguard.siem.enabled:true}") boolean enabled) {
		super("trunkguard-security-events", enabled, properties.interval(), properties.interval());
		this.service = service;
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
		super.start();
		if (isRunning() && !forwarder.destinations().isEmpty()) {
			log.info("Forwarding security events to {}",
					forwarder.destinations().stream().map(SiemDestination::name).toList());
		}
	}

	@Override
	protected void runOnce() {
		try {
			service.deriveNew();
			forwarder.forwardDue(clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("Deriving or forwarding security events failed; tried again in {}", properties.interval(), e);
		}
	}

}
