package io.trunkguard.deprovisioning;

import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The HR webhook's and SCIM's side of a termination: one short transaction that checks
 * the event id's binding and records the delivery in {@code termination_intake}, so a
 * burst of terminations is answered at once (issue 16). The case, its receipt, its audit
 * entries and its process are written right after, by the {@link TerminationIntakeWorker}
 * (the recorded row is the durable record until then).
 * <p>
 * The answer names the case that will take the delivery: the one its event id is bound to
 * (a repeated event), the person's open case or pending delivery, or a new id. An event
 * id is bound to its person by the primary key of {@code termination_event_binding} at
 * its first delivery, so a reused id is refused (409) as before, even while its case is
 * not yet written; two first deliveries at once make one fail on that key (the caller
 * retries and then finds the binding).
 */
@Component
class TerminationIntake {

	private final JdbcTemplate jdbc;

	private final PersonService people;

	TerminationIntake(JdbcTemplate jdbc, PersonService people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	private record Binding(DeprovisioningCaseId caseId, String hrId) {
	}

	/**
	 * Records the delivery received at {@code receivedAt}; {@link NotFoundException} for
	 * an unknown HR id, {@link TerminationEventConflictException} for an event id bound
	 * to another person.
	 */
	@Transactional
	public CaseReceipt record(TerminationNotice notice, Instant receivedAt) {
		Person person = people.findByHrId(notice.hrId())
			.orElseThrow(() -> new NotFoundException("Person", "hrId=" + notice.hrId()));
		Binding bound = binding(notice.eventId());
		DeprovisioningCaseId caseId;
		boolean newCase = false;
		if (bound != null) {
			if (!bound.hrId().equals(notice.hrId())) {
				throw new TerminationEventConflictException(notice, bound.caseId(), bound.hrId());
			}
			caseId = bound.caseId();
		}
		else {
			caseId = caseTaking(person);
			if (caseId == null) {
				caseId = DeprovisioningCaseId.random();
				newCase = true;
			}
			jdbc.update(
					"insert into termination_event_binding (event_id, person_id, hr_id, case_id) values (?, ?, ?, ?)",
					notice.eventId(), person.getId().value(), notice.hrId(), caseId.value());
		}
		OffsetDateTime at = utc(receivedAt);
		jdbc.update(
				"""
						insert into termination_intake (id, event_id, person_id, hr_id, case_id, source, effective_at, received_at,
						    received_by, attempts, next_attempt_at, last_error)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, null)""",
				UUID.randomUUID(), notice.eventId(), person.getId().value(), notice.hrId(), caseId.value(),
				notice.source().name(), utc(notice.effectiveAt()), at, notice.receivedBy(), at);
		return new CaseReceipt(caseId, newCase);
	}

	/**
	 * The person's open case, else the case of their oldest delivery not yet written;
	 * null if neither.
	 */
	private DeprovisioningCaseId caseTaking(Person person) {
		List<UUID> open = jdbc.queryForList("select id from deprovisioning_case where open_person_id = ?", UUID.class,
				person.getId().value());
		if (!open.isEmpty()) {
			return new DeprovisioningCaseId(open.get(0));
		}
		List<UUID> pending = jdbc.queryForList(
				"select case_id from termination_intake where person_id = ? order by received_at", UUID.class,
				person.getId().value());
		return pending.isEmpty() ? null : new DeprovisioningCaseId(pending.get(0));
	}

	/**
	 * The case and HR id the event id is bound to: by a delivery since V300, else by a
	 * receipt recorded before; null for a new event id.
	 */
	private Binding binding(String eventId) {
		List<Binding> bound = jdbc.query("select case_id, hr_id from termination_event_binding where event_id = ?",
				(rs, n) -> new Binding(new DeprovisioningCaseId(rs.getObject(1, UUID.class)), rs.getString(2)),
				eventId);
		if (bound.isEmpty()) {
			bound = jdbc.query("select case_id, hr_id from deprovisioning_receipt where event_id = ?",
					(rs, n) -> new Binding(new DeprovisioningCaseId(rs.getObject(1, UUID.class)), rs.getString(2)),
					eventId);
		}
		return bound.isEmpty() ? null : bound.get(0);
	}

	/**
	 * After the worker wrote the delivery to a case other than the one answered (the
	 * answered id was taken, or a concurrent delivery for the same person opened the case
	 * first): the binding follows the case.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rebind(String eventId, DeprovisioningCaseId caseId) {
		jdbc.update("update termination_event_binding set case_id = ? where event_id = ?", caseId.value(), eventId);
	}

	/**
	 * The earliest effective time of the person's deliveries recorded and not yet written
	 * to a case.
	 */
	java.util.Optional<Instant> pendingEffectiveAt(io.trunkguard.people.PersonId personId) {
		return jdbc
			.queryForList("select effective_at from termination_intake where person_id = ? order by effective_at",
					OffsetDateTime.class, personId.value())
			.stream()
			.findFirst()
			.map(OffsetDateTime::toInstant);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
