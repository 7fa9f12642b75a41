package io.trunkguard.trace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every day ({@code trunkguard.trace.certificate-alert-cron}, 06:15 UTC by default)
 * raises the certificate expiry alerts that are due; the alert rows' unique key makes a
 * second run, or a second node, raise nothing twice.
 */
@Component
class CertificateExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(CertificateExpiryJob.class);

	private final CertificateWatch watch;

	private final Clock clock;

	CertificateExpiryJob(CertificateWatch watch, ObjectProvider<Clock> clock) {
		this.watch = watch;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Also once a few minutes after start, so a node started after 06:15 does not wait a
	 * day.
	 */
	@Scheduled(initialDelayString = "${trunkguard.trace.certificate-alert-initial-delay:PT5M}",
			fixedDelay = Long.MAX_VALUE)
	void afterStart() {
		daily();
	}

	@Scheduled(cron = "${trunkguard.trace.certificate-alert-cron:0 15 6 * * *}", zone = "UTC")
	void daily() {
		try {
			int alerted = watch.raiseDueAlerts(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
			if (alerted > 0) {
				log.info("Raised expiry alerts for {} certificate(s)", alerted);
			}
		}
		catch (RuntimeException e) {
			log.warn("Raising certificate expiry alerts failed; tried again tomorrow", e);
		}
	}

}
