package io.trunkguard.securityevent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outbox's sender: for each destination, sends the events after its cursor
 * ({@code siem_delivery}), in id order (the order they occurred in the trail), and
 * advances the cursor past each batch the destination has taken. A destination that fails
 * keeps its cursor (nothing is lost or skipped: later events wait behind the one that
 * failed, so order holds) and is tried again after an exponentially growing wait. The
 * cursor row is locked (FOR UPDATE SKIP LOCKED) for the whole attempt, so with several
 * nodes one sends to a destination while the others skip it: each event goes to each
 * destination once. (If a node dies after the receiver took a batch but before the
 * commit, that batch is sent again: at-least-once is the most any sender can promise; the
 * receivers see the event id and can drop a repeat.)
 */
public class SiemForwarder {

	private static final Logger log = LoggerFactory.getLogger(SiemForwarder.class);

	private static final int MAX_BATCHES_PER_RUN = 50;

	private final SecurityEvents events;

	private final List<SiemDestination> destinations;

	private final SiemProperties properties;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	public SiemForwarder(SecurityEvents events, List<SiemDestination> destinations, SiemProperties properties,
			PlatformTransactionManager transactionManager, DataSource dataSource) {
		this.events = events;
		this.destinations = List.copyOf(destinations);
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public List<SiemDestination> destinations() {
		return destinations;
	}

	/** Sends what is due at {@code now} to every destination; returns how many events. */
	public int forwardDue(Instant now) {
		int sent = 0;
		for (SiemDestination destination : destinations) {
			try {
				sent += forward(destination, now);
			}
			catch (RuntimeException e) {
				log.warn("Could not forward security events to {}", destination.name(), e);
			}
		}
		return sent;
	}

	private int forward(SiemDestination destination, Instant now) {
		ensureRow(destination.name());
		Integer sent = transactions.execute(status -> {
			List<Map<String, Object>> rows = jdbc.queryForList(
					"select last_event_id, failures from siem_delivery where destination = ? for update skip locked",
					destination.name());
			if (rows.isEmpty()) {
				// another node is sending to this destination
				return 0;
			}
			OffsetDateTime next = jdbc.queryForObject("select next_attempt_at from siem_delivery where destination = ?",
					(rs, row) -> rs.getObject(1, OffsetDateTime.class), destination.name());
			if (next != null && next.toInstant().isAfter(now)) {
				return 0;
			}
			long last = ((Number) rows.get(0).get("last_event_id")).longValue();
			int failures = ((Number) rows.get(0).get("failures")).intValue();
			int total = 0;
			for (int round = 0; round < MAX_BATCHES_PER_RUN; round++) {
				List<SecurityEvent> batch = events.findByIdGreaterThanOrderByIdAsc(last,
						Limit.of(properties.batchSize()));
				if (batch.isEmpty()) {
					break;
				}
				try {
					destination.send(batch);
				}
				catch (Exception failure) {
					int failed = failures + 1;
					Instant retryAt = now.plus(properties.retryAfter(failed));
					String error = describe(failure);
					jdbc.update(
							"update siem_delivery set failures = ?, next_attempt_at = ?, last_error = ? where destination = ?",
							failed, Timestamp.from(retryAt), error.length() > 1000 ? error.substring(0, 1000) : error,
							destination.name());
					log.warn("Security events could not be sent to {} (attempt {} in a row failed, next at {}): {}",
							destination.name(), failed, retryAt, error);
					return total;
				}
				last = batch.get(batch.size() - 1).getId();
				total += batch.size();
				failures = 0;
				jdbc.update("update siem_delivery set last_event_id = ?, delivered = delivered + ?, failures = 0, "
						+ "next_attempt_at = null, last_error = null, last_delivered_at = ? where destination = ?",
						last, batch.size(), Timestamp.from(now), destination.name());
				if (batch.size() < properties.batchSize()) {
					break;
				}
			}
			return total;
		});
		return sent == null ? 0 : sent;
	}

	private void ensureRow(String destination) {
		Integer present = jdbc.queryForObject("select count(*) from siem_delivery where destination = ?", Integer.class,
				destination);
		if (present != null && present > 0) {
			return;
		}
		try {
			transactions.executeWithoutResult(status -> jdbc.update(
					"insert into siem_delivery (destination, last_event_id, delivered, failures) values (?, 0, 0, 0)",
					destination));
		}
		catch (DataIntegrityViolationException raced) {
			// another node created it first
		}
	}

	/** Where each destination stands. */
	public List<SiemDeliveryStatus> status() {
		List<SiemDeliveryStatus> status = new ArrayList<>();
		for (SiemDestination destination : destinations) {
			List<SiemDeliveryStatus> rows = jdbc.query(
					"select d.destination, d.delivered, d.failures, d.next_attempt_at, d.last_error, d.last_delivered_at, "
							+ "(select count(*) from security_event e where e.id > d.last_event_id) as waiting "
							+ "from siem_delivery d where d.destination = ?",
					(rs, row) -> new SiemDeliveryStatus(rs.getString(1), rs.getLong(2), rs.getLong(7), rs.getInt(3),
							instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5),
							instant(rs.getObject(6, OffsetDateTime.class))),
					destination.name());
			status.add(rows.isEmpty()
					? new SiemDeliveryStatus(destination.name(), 0, events.count(), 0, null, null, null) : rows.get(0));
		}
		return status;
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(failure.getClass().getSimpleName() + ": " + failure.getMessage());
		Throwable cause = failure.getCause();
		for (int depth = 0; cause != null && cause != failure && depth < 3; depth++, cause = cause.getCause()) {
			text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		return text.toString().replaceAll("\\s+", " ").trim();
	}

}
