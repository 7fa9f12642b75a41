package io.trunkguard.deprovisioning;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Writes the deliveries that {@link TerminationIntake} recorded into their cases: right
 * after each intake commits (on up to {@code trunkguard.deprovisioning.intake.threads}
 * threads of its own per node, 4 by default: one thread left a layoff's burst queued
 * behind it, issue 16), and every second for what another node left behind (killed
 * between its intake and its drain). Deliveries are taken a batch at a time with
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes never write the same one, and a batch is
 * one transaction: its cases, receipts, processes and their audit entries commit
 * together, and the audit chain is appended once per batch instead of once per delivery.
 * A batch that fails is taken again one delivery at a time; a delivery that fails alone
 * stays recorded and is tried again later (1 s doubling to 5 min), with its error kept on
 * the row.
 * <p>
 * While the webhook and SCIM take a burst ({@link IntakePressure}), no batch is started:
 * the requests get the cores and the connections, and the deliveries are written when the
 * burst eases (their receipt time is the intake's, so the SLA does not move).
 */
@Component
@ConditionalOnProperty(name = "trunkguard.audit.verify-and-exit", havingValue = "false", matchIfMissing = true)
class TerminationIntakeWorker {

	private static final Logger log = LoggerFactory.getLogger(TerminationIntakeWorker.class);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	private static final String COLUMNS = "id, event_id, hr_id, case_id, source, effective_at, received_at, "
			+ "received_by, attempts";

	private final JdbcTemplate jdbc;

	private final TerminationReceiver receiver;

	private final TerminationIntake intake;

	private final AccountDisables disables;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int batchSize;

	private final DrainPool threads;

	private final IntakePressure pressure;

	TerminationIntakeWorker(JdbcTemplate jdbc, TerminationReceiver receiver, TerminationIntake intake,
			AccountDisables disables, IntakePressure pressure, PlatformTransactionManager transactionManager,
			ObjectProvider<Clock> clock, @Value("${trunkguard.deprovisioning.intake.batch-size:20}") int batchSize,
			@Value("${trunkguard.deprovisioning.intake.threads:4}") int threadCount) {
		this.jdbc = jdbc;
		this.receiver = receiver;
		this.intake = intake;
		this.disables = disables;
		this.pressure = pressure;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.batchSize = batchSize;
		this.threads = new DrainPool("termination-intake", threadCount, this::drain);
	}

	/**
	 * A case's deliveries are written in the order they were received, never side by side
	 * by two threads: otherwise a later delivery could open the case (its receipt then
	 * the SLA's start) and the first be recorded as its duplicate.
	 */
	private static final String ONE_CASE_IN_ORDER = "and not exists (select 1 from termination_intake e "
			+ "where e.case_id = t.case_id and (e.received_at < t.received_at "
			+ "or (e.received_at = t.received_at and e.id < t.id))) ";

	private record Delivery(UUID id, TerminationNotice notice, DeprovisioningCaseId caseId, Instant receivedAt,
			int attempts) {
	}

	/**
	 * Asks for a drain soon: one more thread starts taking rows unless every thread is
	 * already about to (the threads take disjoint batches, {@code SKIP LOCKED}).
	 */
	void kick() {
		threads.kick();
	}

	@Scheduled(initialDelayString = "PT1S", fixedDelayString = "PT1S")
	void poll() {
		kick();
	}

	@PreDestroy
	void stop() {
		threads.stop();
	}

	/** Writes batches until none is due; returns how many deliveries were written. */
	int drain() {
		int written = 0;
		try {
			// while the webhook takes a burst, the requests come first: the next poll
			// after it eases writes what was recorded
			for (int n; !pressure.yieldToIntake() && (n = drainBatch()) > 0;) {
				written += n;
			}
		}
		catch (RuntimeException e) {
			log.warn("Termination intake drain stopped; it resumes within a second", e);
		}
		return written;
	}

	private int drainBatch() {
		Integer written;
		try {
			written = transactions.execute(status -> {
				List<Delivery> batch = claim("order by received_at limit " + batchSize);
				batch.forEach(this::write);
				return batch.size();
			});
		}
		catch (RuntimeException batchFailed) {
			log.info("A batch of terminations failed ({}); writing them one at a time", batchFailed.toString());
			written = 0;
			for (UUID id : dueIds()) {
				try {
					written += transactions.execute(status -> {
						List<Delivery> one = claim("and id = ?", id);
						one.forEach(this::write);
						return one.size();
					});
				}
				catch (RuntimeException e) {
					postpone(id, e);
				}
			}
		}
		return written == null ? 0 : written;
	}

	private List<UUID> dueIds() {
		return jdbc.queryForList(
				"select id from termination_intake where next_attempt_at <= ? order by received_at limit " + batchSize,
				UUID.class, TerminationIntake.utc(clock.instant()));
	}

	private List<Delivery> claim(String tail, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = TerminationIntake.utc(clock.instant());
		System.arraycopy(args, 0, all, 1, args.length);
		return jdbc.query(
				"select " + COLUMNS + " from termination_intake t where next_attempt_at <= ? " + ONE_CASE_IN_ORDER
						+ tail + " for update skip locked",
				(rs, n) -> new Delivery(rs.getObject("id", UUID.class),
						new TerminationNotice(rs.getString("event_id"), rs.getString("hr_id"),
								rs.getObject("effective_at", OffsetDateTime.class).toInstant(),
								TerminationSource.valueOf(rs.getString("source")), rs.getString("received_by")),
						new DeprovisioningCaseId(rs.getObject("case_id", UUID.class)),
						rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts")),
				all);
	}

	private void write(Delivery delivery) {
		CaseReceipt receipt = receiver.receive(delivery.notice(), delivery.receivedAt(), delivery.caseId());
		if (!receipt.caseId().equals(delivery.caseId())) {
			intake.rebind(delivery.notice().eventId(), receipt.caseId());
			disables.follow(delivery.caseId(), receipt.caseId());
		}
		jdbc.update("delete from termination_intake where id = ?", delivery.id());
	}

	private void postpone(UUID id, RuntimeException e) {
		try {
			transactions.executeWithoutResult(status -> {
				Integer attempts = jdbc.queryForObject("select attempts from termination_intake where id = ?",
						Integer.class, id);
				int next = attempts == null ? 1 : attempts + 1;
				Duration wait = Duration.ofSeconds(1L << Math.min(next - 1, 9));
				if (wait.compareTo(MAX_BACKOFF) > 0) {
					wait = MAX_BACKOFF;
				}
				// for the operator reading the row: what was not found, by its id
				String error = e instanceof io.trunkguard.shared.NotFoundException missing
						? missing.getMessage() + " (" + missing.subjectType() + " " + missing.subjectId() + ")"
						: String.valueOf(e.getMessage());
				jdbc.update(
						"update termination_intake set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
						next, TerminationIntake.utc(clock.instant().plus(wait)),
						error.length() > 1000 ? error.substring(0, 1000) : error, id);
			});
			log.warn("Termination delivery {} not written to its case (tried again later): {}", id, e.toString());
		}
		catch (RuntimeException again) {
			log.warn("Termination delivery {} not written and not postponed", id, again);
		}
	}

}
