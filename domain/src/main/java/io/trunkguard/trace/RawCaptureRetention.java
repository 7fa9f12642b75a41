package io.trunkguard.trace;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFileId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Deletes raw capture files (call audio, phone numbers) and their key logs once they are
 * older than {@code trunkguard.trace.raw-retention} (30 days by default), every
 * {@code trunkguard.trace.retention-interval} (ISO 8601, one hour by default); the
 * report, legs, findings, certificates and evidence stay. Safe on many nodes: each
 * capture is claimed by a conditional update in its own transaction, and only the node
 * whose update took it deletes the bytes; a run that finds nothing does nothing.
 */
@Component
public class RawCaptureRetention {

	private static final Logger log = LoggerFactory.getLogger(RawCaptureRetention.class);

	static final String ACTOR = "system:capture-retention";

	private final Captures captures;

	private final FileStore files;

	private final TraceProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	@Autowired
	RawCaptureRetention(Captures captures, FileStore files, TraceProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
		this(captures, files, properties, events, transactions, clock.getIfAvailable(Clock::systemUTC));
	}

	/** With a clock of its own (tests: a clock past the retention period). */
	RawCaptureRetention(Captures captures, FileStore files, TraceProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.captures = captures;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${trunkguard.trace.retention-initial-delay:PT2M}",
			fixedDelayString = "${trunkguard.trace.retention-interval:PT1H}")
	void scheduled() {
		try {
			deleteExpired();
		}
		catch (RuntimeException e) {
			log.warn("Deleting raw captures past their retention failed; tried again at the next run", e);
		}
	}

	/** Deletes the raw files past their retention; returns how many this node deleted. */
	public int deleteExpired() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant cutOff = now.minus(properties.rawRetention());
		int deleted = 0;
		for (Capture capture : captures.findRawKeptBefore(cutOff)) {
			if (capture.getStatus() == CaptureStatus.QUEUED || capture.getStatus() == CaptureStatus.ANALYSING) {
				continue; // its analysis still needs the bytes
			}
			try {
				if (Boolean.TRUE.equals(transaction.execute(status -> delete(capture, now)))) {
					deleted++;
				}
			}
			catch (RuntimeException e) {
				// another node holds it (a concurrent update), or its bytes could not be
				// removed: the claim rolled back, the next run tries again
				log.info("Raw file of capture {} not deleted in this run: {}", capture.getId(), e.getMessage());
			}
		}
		if (deleted > 0) {
			log.info("Deleted the raw files of {} capture(s) past their {} retention", deleted,
					properties.rawRetention());
		}
		return deleted;
	}

	private boolean delete(Capture capture, Instant now) {
		UUID raw = capture.getRawFileId();
		if (captures.claimRawDeletion(capture.getId(), raw, now) != 1) {
			return false; // another node took it
		}
		long days = properties.rawRetention().toDays();
		String reason = "raw capture " + capture.getFileName() + " past its " + days + "-day retention";
		files.delete(new StoredFileId(raw), ACTOR, reason);
		if (capture.getKeyLogFileId() != null) {
			files.delete(new StoredFileId(capture.getKeyLogFileId()), ACTOR, "key log of " + reason);
		}
		events.publishEvent(new CaptureRawFileDeleted(capture.getId(), capture.getFileName(), capture.getSha256(), days,
				ACTOR, now));
		return true;
	}

}
