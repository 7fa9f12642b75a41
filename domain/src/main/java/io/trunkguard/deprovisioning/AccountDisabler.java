package io.trunkguard.deprovisioning;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Disables leavers' accounts at the identity provider as soon as the intake has recorded
 * their termination, ahead of the case's process and apart from the job executor (issue
 * 16: in a layoff's burst, disabling comes first, and grant removals and verifications
 * wait in the job queue behind it). A bounded pool of its own
 * ({@code trunkguard.deprovisioning.disable.threads}, 8 by default: the identity
 * provider's calls wait on the network, not on a connection) takes requests a few at a
 * time in a short transaction ({@code FOR UPDATE SKIP LOCKED} and a lease of
 * {@code trunkguard.deprovisioning.disable.lease}, 2 minutes by default), commits, and
 * only then calls the identity provider: no database connection is held while it waits.
 * The outcome is recorded in one short statement, once.
 * <p>
 * Retries cannot double a disable in the record: a failed call is tried again (1 s
 * doubling to 30 s) and only a pending request is recorded. A node killed between the
 * identity provider's answer and the record leaves the request pending under its lease;
 * when the lease ends, any node takes it again and disables again, which the identity
 * provider treats as the no-op it is, and records it once. A privileged login is not
 * disabled here: it is recorded as held and the process asks for a second approver, as
 * before.
 */
@Component
@ConditionalOnProperty(name = "trunkguard.audit.verify-and-exit", havingValue = "false", matchIfMissing = true)
class AccountDisabler {

	private static final Logger log = LoggerFactory.getLogger(AccountDisabler.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final AccountDisables disables;

	private final ObjectProvider<IdentityProviderPort> identityProviders;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int batchSize;

	private final Duration lease;

	private final DrainPool threads;

	private final IntakePressure pressure;

	AccountDisabler(AccountDisables disables, ObjectProvider<IdentityProviderPort> identityProviders,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, IntakePressure pressure,
			ObjectProvider<Clock> clock, @Value("${trunkguard.deprovisioning.disable.threads:8}") int threadCount,
			@Value("${trunkguard.deprovisioning.disable.batch-size:4}") int batchSize,
			@Value("${trunkguard.deprovisioning.disable.lease:PT2M}") Duration lease) {
		this.disables = disables;
		this.pressure = pressure;
		this.identityProviders = identityProviders;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.batchSize = Math.max(1, batchSize);
		this.lease = lease;
		this.threads = new DrainPool("account-disable", threadCount, this::drain);
	}

	/** Asks for a drain soon, unless every thread is already about to take rows. */
	void kick() {
		if (identityProviders.getIfUnique() != null) {
			threads.kick();
		}
	}

	/** For requests another node left behind (killed) and retries that came due. */
	@Scheduled(initialDelayString = "PT1S", fixedDelayString = "PT1S")
	void poll() {
		kick();
	}

	@PreDestroy
	void stop() {
		threads.stop();
	}

	/** Disables until no request is due; returns how many were recorded by this call. */
	int drain() {
		IdentityProviderPort provider = identityProviders.getIfUnique();
		if (provider == null) {
			return 0;
		}
		int recorded = 0;
		try {
			for (List<AccountDisables.Claimed> claimed; !(claimed = claim()).isEmpty();) {
				for (AccountDisables.Claimed request : claimed) {
					if (disable(provider, request)) {
						recorded++;
						announce(request.caseId());
					}
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Account disabling stopped; it resumes within a second", e);
		}
		return recorded;
	}

	private List<AccountDisables.Claimed> claim() {
		List<AccountDisables.Claimed> claimed = transactions
			.execute(status -> disables.claim(clock.instant(), batchSize, lease));
		claimed = claimed == null ? List.of() : claimed;
		// a full batch: more are due, and Camunda's jobs wait for them (IntakePressure)
		pressure.disablesQueued(claimed.size() == batchSize);
		return claimed;
	}

	private void announce(DeprovisioningCaseId caseId) {
		try {
			events.publishEvent(new AccountDisableRecorded(caseId));
		}
		catch (RuntimeException e) {
			// recorded: the process's step finds it at its next retry
			log.info("Deprovisioning case {}: its process was not told of the disabled account ({})", caseId,
					e.toString());
		}
	}

	/** Outside any transaction: the identity provider's calls, then one short record. */
	private boolean disable(IdentityProviderPort provider, AccountDisables.Claimed request) {
		String username = request.username();
		try {
			if (provider.isPrivileged(username)) {
				return disables.recordHeld(request.caseId(), clock.instant());
			}
			boolean existed = provider.disableUser(username);
			// the account is disabled from here on: the case's step records this time
			java.time.Instant disabledAt = clock.instant();
			int sessions = provider.logoutUser(username);
			return disables.recordDisabled(request.caseId(), disabledAt, existed, sessions,
					"system:" + provider.name());
		}
		catch (RuntimeException e) {
			int attempts = request.attempts() + 1;
			Duration wait = Duration.ofSeconds(1L << Math.min(attempts - 1, 9));
			if (wait.compareTo(MAX_BACKOFF) > 0) {
				wait = MAX_BACKOFF;
			}
			log.warn("The account of deprovisioning case {} is not disabled yet (tried again in {} s): {}",
					request.caseId(), wait.toSeconds(), e.toString());
			disables.postpone(request.caseId(), attempts, clock.instant().plus(wait), e.getMessage());
			return false;
		}
	}

}
