package io.trunkguard.deprovisioning;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

@Service
@Validated
class DefaultDeprovisioningService implements DeprovisioningService {

	private static final int MAX_RECEIPT_ATTEMPTS = 20;

	static final String REVOCATION_REASON = "deprovisioning: the person left (HR termination event)";

	private final DeprovisioningCases cases;

	private final PersonService people;

	private final AccessService access;

	private final ObjectProvider<IdentityProviderPort> identityProviders;

	private final ObjectProvider<LocalSignInPort> localSignIns;

	private final DeprovisioningProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TerminationReceiver receiver;

	private final TerminationIntake intake;

	private final ObjectProvider<TerminationIntakeWorker> intakeWorker;

	private final AccountDisables disables;

	private final ObjectProvider<AccountDisabler> disabler;

	private final IntakePressure pressure;

	DefaultDeprovisioningService(DeprovisioningCases cases, PersonService people, AccessService access,
			ObjectProvider<IdentityProviderPort> identityProviders, ObjectProvider<LocalSignInPort> localSignIns,
			DeprovisioningProperties properties, PlatformTransactionManager transactionManager,
			ObjectProvider<Clock> clock, ApplicationEventPublisher events, TerminationReceiver receiver,
			TerminationIntake intake, ObjectProvider<TerminationIntakeWorker> intakeWorker, AccountDisables disables,
			ObjectProvider<AccountDisabler> disabler, IntakePressure pressure) {
		this.pressure = pressure;
		this.disables = disables;
		this.disabler = disabler;
		this.events = events;
		this.receiver = receiver;
		this.intake = intake;
		this.intakeWorker = intakeWorker;
		this.cases = cases;
		this.people = people;
		this.access = access;
		this.identityProviders = identityProviders;
		this.localSignIns = localSignIns;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Two deliveries at once (threads or nodes) both may find no case and try to open
	 * one, or both add a receipt to one case: the unique event id, the unique open-person
	 * column and the case's version let one win; the other's transaction fails and is
	 * retried after a short random pause, and then finds the case.
	 */
	@Override
	public CaseReceipt receiveTermination(TerminationNotice notice) {
		requireEffectiveWithinWindow(notice);
		return retried(notice, () -> transactions.execute(status -> receiver.receive(notice, clock.instant(), null)));
	}

	/**
	 * The webhook's and SCIM's intake: one short transaction, retried like
	 * {@link #receiveTermination} when two first deliveries of one event id race for its
	 * binding; the worker is asked to write the case at once.
	 */
	@Override
	public CaseReceipt acceptTermination(TerminationNotice notice) {
		requireEffectiveWithinWindow(notice);
		try (IntakePressure.Intake busy = pressure.begin()) {
			CaseReceipt receipt = retried(notice, () -> intake.record(notice, clock.instant()));
			// the account first, then the case (unless a burst is being taken: then the
			// worker's poll writes it when the burst eases)
			disabler.ifAvailable(AccountDisabler::kick);
			if (!pressure.yieldToIntake()) {
				intakeWorker.ifAvailable(TerminationIntakeWorker::kick);
			}
			return receipt;
		}
	}

	/**
	 * Runs one receipt's transaction, again after a short random pause when it lost a
	 * race with another delivery (a unique key or a version: the next attempt finds what
	 * the other committed); a conflicting event id is audited and refused.
	 */
	private CaseReceipt retried(TerminationNotice notice, Supplier<CaseReceipt> receipt) {
		RuntimeException last = null;
		for (int attempt = 0; attempt < MAX_RECEIPT_ATTEMPTS; attempt++) {
			try {
				return receipt.get();
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException race) {
				last = race;
				pause(attempt);
			}
			catch (TerminationEventConflictException conflict) {
				publishConflict(notice, conflict);
				throw conflict;
			}
		}
		throw last;
	}

	private void publishConflict(TerminationNotice notice, TerminationEventConflictException conflict) {
		transactions.executeWithoutResult(
				status -> events.publishEvent(new TerminationEventConflicted(conflict.boundCase(), notice.eventId(),
						conflict.boundHrId(), notice.hrId(), notice.source(), notice.receivedBy(), clock.instant())));
	}

	/**
	 * A termination effective far in the future or the past is a mistake (a default date,
	 * a typo in the year) that would put the SLA out of reach or make it meaningless:
	 * refused, naming the window.
	 */
	private void requireEffectiveWithinWindow(TerminationNotice notice) {
		if (notice.effectiveAt() == null) {
			return;
		}
		Instant now = clock.instant();
		Instant latest = now.plus(properties.effectiveAtMaxAhead());
		Instant earliest = now.minus(properties.effectiveAtMaxBack());
		if (notice.effectiveAt().isAfter(latest) || notice.effectiveAt().isBefore(earliest)) {
			throw new InvalidInputException("deprovisioning.effective-at-out-of-range",
					"The termination is effective at " + notice.effectiveAt() + ", outside the accepted window from "
							+ earliest.truncatedTo(ChronoUnit.SECONDS) + " to " + latest.truncatedTo(ChronoUnit.SECONDS)
							+ " (at most " + properties.effectiveAtMaxAhead().toDays() + " days ahead and "
							+ properties.effectiveAtMaxBack().toDays()
							+ " days back): check the date and send it again.",
					Map.of("effectiveAt", "must be between " + earliest.truncatedTo(ChronoUnit.SECONDS) + " and "
							+ latest.truncatedTo(ChronoUnit.SECONDS)));
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * (attempt + 1)));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while receiving a termination event", e);
		}
	}

	@Override
	@Transactional
	public void disableAccount(DeprovisioningCaseId caseId) {
		DeprovisioningCase c = openCase(caseId);
		if (c.getSteps()
			.stream()
			.noneMatch(s -> s.getKind() == StepKind.ACCOUNT_DISABLED || s.getKind() == StepKind.NO_IDENTITY_PROVIDER
					|| s.getKind() == StepKind.ACCOUNT_DISABLE_HELD)) {
			Optional<AccountDisables.Outcome> early = identityProvider().isPresent() && c.getUsername() != null
					? disables.of(caseId) : Optional.empty();
			if (early.isPresent()) {
				recordEarlyDisable(c, early.get());
			}
			else if (isPrivileged(c.getUsername())) {
				c.recordAccountDisableHeld(DeprovisioningCase.SYSTEM_ACTOR, clock.instant());
			}
			else {
				disable(c);
			}
		}
		Person person = people.get(c.getPersonId());
		if (person.isActive()) {
			LocalDate lastDay = LocalDate.ofInstant(c.getEffectiveAt(), ZoneOffset.UTC);
			people.markLeft(person.getId(), lastDay.isBefore(person.getStartDate()) ? person.getStartDate() : lastDay,
					"system:deprovisioning");
		}
		cases.save(c);
	}

	/**
	 * The case's steps from what the {@link AccountDisabler} recorded, with its times
	 * (the identity provider is not called again); while the request is pending the step
	 * fails and its job is retried, so no connection waits on the identity provider.
	 */
	private void recordEarlyDisable(DeprovisioningCase c, AccountDisables.Outcome outcome) {
		switch (outcome.state()) {
			case DISABLED -> {
				c.recordAccountDisabled(outcome.existed(), outcome.by(), outcome.at());
				c.recordSessionsEnded(outcome.sessions(), outcome.by(), outcome.at());
			}
			case HELD -> c.recordAccountDisableHeld(DeprovisioningCase.SYSTEM_ACTOR, outcome.at());
			case PENDING -> {
				disabler.ifAvailable(AccountDisabler::kick);
				throw new AccountDisablePendingException(c.getId());
			}
		}
	}

	@Override
	@Transactional
	public void approveAccountDisable(DeprovisioningCaseId caseId, String actor) {
		DeprovisioningCase c = openCase(caseId);
		if (!c.isAccountDisableHeld()) {
			throw new InvalidStateException("deprovisioning.disable-not-held",
					"The account of case " + caseId + " is not waiting for an approval to be disabled.");
		}
		if (actor.equals(c.getUsername())) {
			throw new InvalidStateException("deprovisioning.disable-own-account",
					actor + " cannot approve the disabling of their own login.");
		}
		String startedBy = c.getReceipts().get(0).getReceivedBy();
		if (actor.equals(startedBy) || ("user:" + actor).equals(startedBy)) {
			throw new InvalidStateException("deprovisioning.disable-second-approver",
					"A second compliance lead or an admin approves the disabling: " + actor
							+ " started this deprovisioning and cannot approve it.");
		}
		disable(c, actor);
		cases.save(c);
	}

	private boolean isPrivileged(String username) {
		if (username == null) {
			return false;
		}
		Optional<IdentityProviderPort> provider = identityProvider();
		if (provider.isPresent()) {
			return provider.get().isPrivileged(username);
		}
		LocalSignInPort local = localSignIns.getIfUnique();
		return local != null && local.isPrivileged(username);
	}

	private void disable(DeprovisioningCase c) {
		disable(c, null);
	}

	/** Disables the account now; {@code approvedBy} names the second approver, if any. */
	private void disable(DeprovisioningCase c, String approvedBy) {
		Optional<IdentityProviderPort> provider = identityProvider();
		if (provider.isEmpty()) {
			disableWithoutIdentityProvider(c, approvedBy);
		}
		else {
			String actor = approvedBy != null ? approvedBy : "system:" + provider.get().name();
			if (c.getUsername() == null) {
				c.recordAccountDisabled(false, actor, clock.instant());
			}
			else {
				boolean existed = provider.get().disableUser(c.getUsername());
				c.recordAccountDisabled(existed, actor, clock.instant());
				int sessions = provider.get().logoutUser(c.getUsername());
				c.recordSessionsEnded(sessions, actor, clock.instant());
			}
		}
	}

	/**
	 * The embedded default has no identity provider: the person's local Trunkguard
	 * sign-in is disabled if they have one; otherwise the case records that there was no
	 * identity-provider account to disable, and why.
	 */
	private void disableWithoutIdentityProvider(DeprovisioningCase c, String approvedBy) {
		LocalSignInPort local = localSignIns.getIfUnique();
		if (c.getUsername() == null) {
			c.recordNoIdentityProvider("the person has no username", clock.instant());
		}
		else if (local != null && local.disable(c.getUsername(), "deprovisioning case " + c.getId())) {
			c.recordLocalSignInDisabled(approvedBy != null ? approvedBy : DeprovisioningCase.LOCAL_SIGN_IN_ACTOR,
					clock.instant());
		}
		else {
			c.recordNoIdentityProvider(c.getUsername() + " has no local Trunkguard sign-in", clock.instant());
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<GrantRemoval> grantsToRemove(DeprovisioningCaseId caseId) {
		DeprovisioningCase c = getCase(caseId);
		return grantsToRemove(List.of(c)).getOrDefault(c.getId(), List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<DeprovisioningCaseId, List<GrantRemoval>> grantsToRemove(
			java.util.Collection<DeprovisioningCase> cases) {
		// without identity provider, a Keycloak connector cannot act: its grants go to
		// the system owner like manual ones
		boolean connected = identityProvider().isPresent();
		List<AccessGrant> grants = access
			.activeGrantsOf(cases.stream().map(DeprovisioningCase::getPersonId).distinct().toList());
		Map<io.trunkguard.access.SystemId, AccessSystem> systems = access
			.systemsByIds(grants.stream().map(AccessGrant::getSystemId).distinct().toList());
		Map<PersonId, Person> owners = people
			.byIds(systems.values().stream().map(AccessSystem::getOwnerId).distinct().toList());
		Map<PersonId, Person> leavers = people
			.byIds(cases.stream().map(DeprovisioningCase::getPersonId).distinct().toList());
		Map<PersonId, List<AccessGrant>> grantsByPerson = grants.stream()
			.collect(java.util.stream.Collectors.groupingBy(AccessGrant::getPersonId));
		Map<DeprovisioningCaseId, List<GrantRemoval>> removals = new java.util.LinkedHashMap<>();
		for (DeprovisioningCase c : cases) {
			removals.put(c.getId(), grantsByPerson.getOrDefault(c.getPersonId(), List.of()).stream().map(grant -> {
				AccessSystem system = systems.get(grant.getSystemId());
				Person owner = owners.get(system.getOwnerId());
				var sla = properties.slaOf(system.getName());
				return new GrantRemoval(grant.getId(), system.getId(), system.getName(), system.getConnector(),
						grant.getEntitlement(), system.getConnector() == ConnectorType.KEYCLOAK && connected,
						owner == null ? null : owner.getUsername(), sla, c.slaStartsAt().plus(sla),
						leavers.containsKey(c.getPersonId()) ? leavers.get(c.getPersonId()).getFullName()
								: c.getHrId());
			})
				.sorted(Comparator.comparing((GrantRemoval r) -> !r.automatic())
					.thenComparing(GrantRemoval::systemName))
				.toList());
		}
		return removals;
	}

	@Override
	@Transactional
	public void removeAutomatically(DeprovisioningCaseId caseId, GrantId grantId) {
		DeprovisioningCase c = openCase(caseId);
		AccessGrant grant = access.getGrant(grantId);
		AccessSystem system = access.getSystem(grant.getSystemId());
		requireOwnGrant(c, grant);
		if (system.getConnector() != ConnectorType.KEYCLOAK) {
			throw new InvalidStateException("deprovisioning.no-connector",
					"System " + system.getName() + " has no connector: its owner removes the grant.");
		}
		IdentityProviderPort provider = identityProvider()
			.orElseThrow(() -> new InvalidStateException("deprovisioning.no-identity-provider",
					"No identity provider is configured: the owner of " + system.getName() + " removes the grant."));
		if (c.getUsername() != null) {
			provider.removeRealmRole(c.getUsername(), grant.getEntitlement());
		}
		revoke(c, grant, system, "system:" + provider.name(), null);
	}

	@Override
	@Transactional
	public void confirmManualRemoval(DeprovisioningCaseId caseId, GrantId grantId, String actor) {
		confirmManualRemoval(caseId, grantId, actor, null);
	}

	@Override
	@Transactional
	public void confirmManualRemoval(DeprovisioningCaseId caseId, GrantId grantId, String actor, String note) {
		DeprovisioningCase c = openCase(caseId);
		AccessGrant grant = access.getGrant(grantId);
		requireOwnGrant(c, grant);
		revoke(c, grant, access.getSystem(grant.getSystemId()), actor, note);
	}

	private void revoke(DeprovisioningCase c, AccessGrant grant, AccessSystem system, String actor, String note) {
		Instant at = clock.instant();
		if (grant.getStatus() == GrantStatus.ACTIVE) {
			grant = access.revokeGrant(grant.getId(), REVOCATION_REASON + " (case " + c.getId() + ")", actor);
			at = grant.getRevokedAt();
		}
		else if (grant.getRevokedAt() != null) {
			at = grant.getRevokedAt();
			actor = grant.getRevokedBy();
		}
		c.recordGrantRevoked(grant.getId(), system.getId(), system.getName(), grant.getEntitlement(), actor, at,
				c.slaStartsAt().plus(properties.slaOf(system.getName())), note);
		cases.save(c);
	}

	@Override
	@Transactional
	public List<String> escalate(DeprovisioningCaseId caseId, GrantId grantId) {
		DeprovisioningCase c = openCase(caseId);
		AccessGrant grant = access.getGrant(grantId);
		requireOwnGrant(c, grant);
		AccessSystem system = access.getSystem(grant.getSystemId());
		Person owner = system.getOwnerId() == null ? null
				: people.byIds(List.of(system.getOwnerId())).get(system.getOwnerId());
		c.recordEscalation(grantId, system.getId(), system.getName(), owner == null ? null : owner.getUsername(),
				properties.escalationGroups(), clock.instant(),
				c.slaStartsAt().plus(properties.slaOf(system.getName())));
		cases.save(c);
		return properties.escalationGroups();
	}

	@Override
	@Transactional
	public Verification verify(DeprovisioningCaseId caseId) {
		DeprovisioningCase c = openCase(caseId);
		Verification verification = check(c);
		c.recordVerification(verification, "system:deprovisioning", clock.instant());
		cases.save(c);
		return verification;
	}

	@Override
	@Transactional
	public DeprovisioningCase complete(DeprovisioningCaseId caseId) {
		DeprovisioningCase c = openCase(caseId);
		c.complete(check(c), "system:deprovisioning", clock.instant());
		return cases.save(c);
	}

	private Verification check(DeprovisioningCase c) {
		Optional<IdentityProviderPort> provider = identityProvider();
		LocalSignInPort local = localSignIns.getIfUnique();
		boolean disabled = c.getUsername() == null || (provider.isPresent() ? provider.get().isDisabled(c.getUsername())
				: local == null || local.isDisabled(c.getUsername()));
		int sessions = c.getUsername() == null || provider.isEmpty() ? 0
				: provider.get().activeSessions(c.getUsername());
		List<GrantId> active = access.activeGrantsOf(c.getPersonId()).stream().map(AccessGrant::getId).toList();
		return new Verification(disabled, sessions, active);
	}

	@Override
	@Transactional(readOnly = true)
	public DeprovisioningCase get(DeprovisioningCaseId caseId) {
		return getCase(caseId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<DeprovisioningCase> openCaseOf(PersonId personId) {
		return cases.findByOpenPersonId(personId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> leavingAt(PersonId personId) {
		return cases.findByOpenPersonId(personId)
			.map(DeprovisioningCase::getEffectiveAt)
			.or(() -> intake.pendingEffectiveAt(personId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeprovisioningCase> casesOf(PersonId personId) {
		return cases.findByPersonIdOrderByReceivedAtDesc(personId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeprovisioningCase> openCases() {
		return cases.findByStatusOrderByEffectiveAtAsc(CaseStatus.OPEN);
	}

	@Override
	public Optional<String> identityProviderName() {
		return identityProvider().map(IdentityProviderPort::name);
	}

	/**
	 * The identity provider adapter (integrations), absent in the embedded default (no
	 * Keycloak configured).
	 */
	private Optional<IdentityProviderPort> identityProvider() {
		return Optional.ofNullable(identityProviders.getIfUnique());
	}

	private DeprovisioningCase getCase(DeprovisioningCaseId caseId) {
		return cases.findById(caseId).orElseThrow(() -> new NotFoundException("DeprovisioningCase", caseId));
	}

	private DeprovisioningCase openCase(DeprovisioningCaseId caseId) {
		DeprovisioningCase c = getCase(caseId);
		if (!c.isOpen()) {
			throw new InvalidStateException("deprovisioning.case-closed", "The deprovisioning of " + c.getHrId()
					+ " is already " + io.trunkguard.shared.Labels.label(c.getStatus()) + ".");
		}
		return c;
	}

	private static void requireOwnGrant(DeprovisioningCase c, AccessGrant grant) {
		if (!grant.getPersonId().equals(c.getPersonId())) {
			throw new InvalidStateException("deprovisioning.foreign-grant", "The role " + grant.getEntitlement()
					+ " is not held by " + c.getHrId() + ", whose deprovisioning this is.");
		}
	}

}
