package io.trunkguard.deprovisioning;

import io.trunkguard.people.PersonId;
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

	private final AccountDisables disables;

	TerminationIntake(JdbcTemplate jdbc, AccountDisables disables) {
		this.jdbc = jdbc;
		this.disables = disables;
	}

	/**
	 * What the intake needs to answer, read in one statement: the person the HR id names,
	 * what the event id is bound to (by a delivery since V300, else by a receipt recorded
	 * before), the id claimed for the person's next case and the person's open case. One
	 * statement sees one snapshot: the worker opens a case and deletes its claim in one
	 * transaction, so either the claim or the open case is seen.
	 */
	private static final String LOOK_UP = """
			select p.id, p.username, b.case_id as bound_case, b.hr_id as bound_hr_id,
			    (select r.case_id from deprovisioning_receipt r where r.event_id = ? fetch first 1 rows only) as received_case,
			    (select r.hr_id from deprovisioning_receipt r where r.event_id = ? fetch first 1 rows only) as received_hr_id,
			    (select c.case_id from termination_person_case c where c.person_id = p.id) as claimed_case,
			    (select d.id from deprovisioning_case d where d.open_person_id = p.id) as open_case
			from person p left join termination_event_binding b on b.event_id = ?
			where p.hr_id = ?""";

	private record LookUp(PersonId personId, String username, DeprovisioningCaseId boundCase, String boundHrId,
			DeprovisioningCaseId claimedCase, DeprovisioningCaseId openCase) {
	}

	/**
	 * Records the delivery received at {@code receivedAt}; {@link NotFoundException} for
	 * an unknown HR id, {@link TerminationEventConflictException} for an event id bound
	 * to another person. Plain statements, no entity: the request pays for one look-up
	 * and two to four inserts.
	 */
	@Transactional
	public CaseReceipt record(TerminationNotice notice, Instant receivedAt) {
		LookUp found = lookUp(notice);
		DeprovisioningCaseId caseId;
		boolean newCase = false;
		if (found.boundCase() != null) {
			if (!found.boundHrId().equals(notice.hrId())) {
				throw new TerminationEventConflictException(notice, found.boundCase(), found.boundHrId());
			}
			caseId = found.boundCase();
		}
		else {
			// the id claimed for the person's next case first, then the open case
			caseId = found.claimedCase() != null ? found.claimedCase() : found.openCase();
			if (caseId == null) {
				caseId = DeprovisioningCaseId.random();
				newCase = true;
				claimNewCase(found.personId(), caseId);
			}
			jdbc.update(
					"insert into termination_event_binding (event_id, person_id, hr_id, case_id) values (?, ?, ?, ?)",
					notice.eventId(), found.personId().value(), notice.hrId(), caseId.value());
		}
		OffsetDateTime at = utc(receivedAt);
		jdbc.update(
				"""
						insert into termination_intake (id, event_id, person_id, hr_id, case_id, source, effective_at, received_at,
						    received_by, attempts, next_attempt_at, last_error)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, null)""",
				UUID.randomUUID(), notice.eventId(), found.personId().value(), notice.hrId(), caseId.value(),
				notice.source().name(), utc(notice.effectiveAt()), at, notice.receivedBy(), at);
		if (newCase) {
			// the account is disabled from this record, before the case is written
			disables.request(caseId, found.personId(), found.username(), receivedAt);
		}
		return new CaseReceipt(caseId, newCase);
	}

	private LookUp lookUp(TerminationNotice notice) {
		List<LookUp> found = jdbc.query(LOOK_UP, (rs, n) -> {
			DeprovisioningCaseId bound = caseId(rs.getObject("bound_case", UUID.class));
			String boundHrId = rs.getString("bound_hr_id");
			if (bound == null) {
				bound = caseId(rs.getObject("received_case", UUID.class));
				boundHrId = rs.getString("received_hr_id");
			}
			return new LookUp(new PersonId(rs.getObject("id", UUID.class)), rs.getString("username"), bound, boundHrId,
					caseId(rs.getObject("claimed_case", UUID.class)), caseId(rs.getObject("open_case", UUID.class)));
		}, notice.eventId(), notice.eventId(), notice.eventId(), notice.hrId());
		if (found.isEmpty()) {
			throw new NotFoundException("Person", "hrId=" + notice.hrId());
		}
		return found.get(0);
	}

	private static DeprovisioningCaseId caseId(UUID id) {
		return id == null ? null : new DeprovisioningCaseId(id);
	}

	/** The id claimed for the person's next new case; null if none. */
	@Transactional(propagation = Propagation.MANDATORY)
	public DeprovisioningCaseId claimedCase(PersonId personId) {
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
	public void claimNewCase(PersonId personId, DeprovisioningCaseId caseId) {
		jdbc.update("insert into termination_person_case (person_id, case_id) values (?, ?)", personId.value(),
				caseId.value());
	}

	/** The person's case is open: their next deliveries find it as their open case. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void releaseClaim(PersonId personId) {
		jdbc.update("delete from termination_person_case where person_id = ?", personId.value());
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
	java.util.Optional<Instant> pendingEffectiveAt(PersonId personId) {
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
