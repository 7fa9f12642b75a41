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
 * (a repeated event), the id claimed for the person's next case by an earlier delivery
 * not yet written, the person's open case, or a new id, claimed in
 * {@code termination_person_case} (so two first deliveries for one person at once are
 * answered with the one case that is then opened). An event id is bound to its person by
 * the primary key of {@code termination_event_binding} at its first delivery, so a reused
 * id is refused (409) as before, even while its case is not yet written; two first
 * deliveries at once make one fail on that key (the caller retries and then finds the
 * binding). A delivery that opens a new case also asks for the person's account to be
 * disabled ({@link AccountDisables}), in the same transaction.
 */
@Component
class TerminationIntake {

	private final JdbcTemplate jdbc;

	private final PersonService people;

	private final AccountDisables disables;

	TerminationIntake(JdbcTemplate jdbc, PersonService people, AccountDisables disables) {
		this.jdbc = jdbc;
		this.people = people;
		this.disables = disables;
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
				claimNewCase(person.getId(), caseId);
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
		if (newCase) {
			// the account is disabled from this record, before the case is written
			disables.request(caseId, person.getId(), person.getUsername(), receivedAt);
		}
		return new CaseReceipt(caseId, newCase);
	}

	/**
	 * The case the person's next new case will be (see {@link #claimNewCase}), else the
	 * person's open case; null if neither. Read in this order: the worker opens the case
	 * and deletes the claim in one transaction, so a claim no longer seen means the case
	 * is committed and found by the second read.
	 */
	private DeprovisioningCaseId caseTaking(Person person) {
		DeprovisioningCaseId claimed = claimedCase(person.getId());
		if (claimed != null) {
			return claimed;
		}
		List<UUID> open = jdbc.queryForList("select id from deprovisioning_case where open_person_id = ?", UUID.class,
				person.getId().value());
		return open.isEmpty() ? null : new DeprovisioningCaseId(open.get(0));
	}

	/** The id claimed for the person's next new case; null if none. */
	@Transactional(propagation = Propagation.MANDATORY)
	public DeprovisioningCaseId claimedCase(io.trunkguard.people.PersonId personId) {
		List<UUID> claimed = jdbc.queryForList("select case_id from termination_person_case where person_id = ?",
				UUID.class, personId.value());
		return claimed.isEmpty() ? null : new DeprovisioningCaseId(claimed.get(0));
	}

	/**
	 * Claims {@code caseId} as the person's next new case: of two claims at once one
	 * fails on the primary key (a {@code DataIntegrityViolationException}; the caller
	 * retries and then finds the other's claim).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void claimNewCase(io.trunkguard.people.PersonId personId, DeprovisioningCaseId caseId) {
		jdbc.update("insert into termination_person_case (person_id, case_id) values (?, ?)", personId.value(),
				caseId.value());
	}

	/** The person's case is open: their next deliveries find it as their open case. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void releaseClaim(io.trunkguard.people.PersonId personId) {
		jdbc.update("delete from termination_person_case where person_id = ?", personId.value());
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
