package io.trunkguard.deprovisioning;

import io.trunkguard.people.PersonId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.trunkguard.deprovisioning.TerminationIntake.utc;

/**
 * The accounts to disable at the identity provider ahead of their cases' processes
 * ({@code account_disable}, V301): requested by the intake in its transaction, claimed
 * and recorded by the {@link AccountDisabler} in short statements of their own, read by
 * the process's disable step. Every statement here is short: none is made while the
 * identity provider is called.
 */
@Component
class AccountDisables {

	enum State {

		PENDING, DISABLED, HELD

	}

	/** What the disabler recorded for a case. */
	record Outcome(State state, Instant at, boolean existed, int sessions, String by) {
	}

	/** A claimed request: the account to disable and how many times it was tried. */
	record Claimed(DeprovisioningCaseId caseId, String username, int attempts) {
	}

	private final JdbcTemplate jdbc;

	private final ObjectProvider<IdentityProviderPort> identityProviders;

	AccountDisables(JdbcTemplate jdbc, ObjectProvider<IdentityProviderPort> identityProviders) {
		this.jdbc = jdbc;
		this.identityProviders = identityProviders;
	}

	/**
	 * Asks for the account of a new case to be disabled, in the caller's transaction
	 * (nothing without an identity provider or a username: the process's step does what
	 * it did before).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(DeprovisioningCaseId caseId, PersonId personId, String username, Instant receivedAt) {
		if (username == null || identityProviders.getIfUnique() == null) {
			return;
		}
		OffsetDateTime at = utc(receivedAt);
		jdbc.update(
				"""
						insert into account_disable (case_id, person_id, username, received_at, state, attempts, next_attempt_at)
						values (?, ?, ?, ?, 'PENDING', 0, ?)""",
				caseId.value(), personId.value(), username, at, at);
	}

	/**
	 * The intake worker wrote a delivery to another case than the one answered: the
	 * request follows it, unless that case has its own.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void follow(DeprovisioningCaseId answered, DeprovisioningCaseId opened) {
		if (of(opened).isEmpty()) {
			jdbc.update("update account_disable set case_id = ? where case_id = ?", opened.value(), answered.value());
		}
	}

	/** The request of the case, if the intake made one. */
	public Optional<Outcome> of(DeprovisioningCaseId caseId) {
		return jdbc.query(
				"select state, done_at, account_existed, sessions_ended, done_by from account_disable where case_id = ?",
				(rs, n) -> {
					OffsetDateTime at = rs.getObject("done_at", OffsetDateTime.class);
					return new Outcome(State.valueOf(rs.getString("state")), at == null ? null : at.toInstant(),
							rs.getBoolean("account_existed"), rs.getInt("sessions_ended"), rs.getString("done_by"));
				}, caseId.value())
			.stream()
			.findFirst();
	}

	/**
	 * Claims up to {@code limit} pending requests that are due and not claimed by a live
	 * lease, the oldest first, until {@code now + lease}; in the caller's (short)
	 * transaction, so two claimers (threads, nodes) never take the same row.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Claimed> claim(Instant now, int limit, Duration lease) {
		OffsetDateTime at = utc(now);
		List<Claimed> claimed = jdbc.query("""
				select case_id, username, attempts from account_disable
				where state = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)
				order by received_at limit %d for update skip locked""".formatted(limit),
				(rs, n) -> new Claimed(new DeprovisioningCaseId(rs.getObject("case_id", UUID.class)),
						rs.getString("username"), rs.getInt("attempts")),
				at, at);
		OffsetDateTime until = utc(now.plus(lease));
		for (Claimed c : claimed) {
			jdbc.update("update account_disable set claimed_until = ? where case_id = ?", until, c.caseId().value());
		}
		return claimed;
	}

	/**
	 * Records the disable, once: a second record (a lease that ran out while the first
	 * call was still on its way) changes nothing. Returns whether this one was recorded.
	 */
	public boolean recordDisabled(DeprovisioningCaseId caseId, Instant at, boolean existed, int sessions, String by) {
		return jdbc.update("""
				update account_disable set state = 'DISABLED', done_at = ?, account_existed = ?, sessions_ended = ?,
				    done_by = ?, claimed_until = null, last_error = null
				where case_id = ? and state = 'PENDING'""", utc(at), existed, sessions, by, caseId.value()) == 1;
	}

	/**
	 * Records that the login is privileged: the process holds it for a second approver.
	 */
	public boolean recordHeld(DeprovisioningCaseId caseId, Instant at) {
		return jdbc.update("""
				update account_disable set state = 'HELD', done_at = ?, claimed_until = null, last_error = null
				where case_id = ? and state = 'PENDING'""", utc(at), caseId.value()) == 1;
	}

	/**
	 * The identity provider failed: the request is tried again after {@code wait}, with
	 * the error kept for the operator.
	 */
	public void postpone(DeprovisioningCaseId caseId, int attempts, Instant retryAt, String error) {
		String kept = error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.update("""
				update account_disable set attempts = ?, next_attempt_at = ?, last_error = ?, claimed_until = null
				where case_id = ? and state = 'PENDING'""", attempts, utc(retryAt), kept, caseId.value());
	}

}
