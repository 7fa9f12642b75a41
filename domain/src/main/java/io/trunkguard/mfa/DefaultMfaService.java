package io.trunkguard.mfa;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
@Validated
@Transactional(readOnly = true)
class DefaultMfaService implements MfaService {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, String> APP_ROLE_WORDS = Map.of("admin", "Trunkguard admin", "compliance-lead",
			"Trunkguard compliance lead", "auditor", "Trunkguard auditor");

	private final MfaReads reads;

	private final MfaExceptions exceptions;

	private final ObjectProvider<MfaDirectory> directory;

	private final AccessService access;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultMfaService(MfaReads reads, MfaExceptions exceptions, ObjectProvider<MfaDirectory> directory,
			AccessService access, PersonService people, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.reads = reads;
		this.exceptions = exceptions;
		this.directory = directory;
		this.access = access;
		this.people = people;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A privileged role someone holds, and whose task an exception about it is. */
	private record Target(String systemName, SystemId systemId, String role, String ownerUsername, String ownerName) {

		String words() {
			return role + " on " + systemName;
		}

	}

	@Override
	@Transactional
	public MfaRead read(String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID readId = UUID.randomUUID();
		Map<String, List<Target>> targets = privilegedGrantTargets();
		Map<String, Person> persons = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		MfaDirectory provider = directory.getIfAvailable();
		MfaRead read;
		if (provider == null) {
			List<MfaReadRow> rows = new ArrayList<>();
			for (Map.Entry<String, List<Target>> holder : targets.entrySet()) {
				String name = fullName(holder.getKey(), persons);
				rows.add(new MfaReadRow(holder.getKey(), name, roleWords(holder.getValue()), "",
						MfaStatus.NOT_EVIDENCED, "The second factor of " + named(holder.getKey(), name)
								+ " cannot be evidenced: there is no identity provider."));
			}
			read = reads.save(new MfaRead(readId, now, actor, "Local accounts (no identity provider)", false,
					List.of(NO_IDENTITY_PROVIDER), rows));
		}
		else {
			MfaDirectory.RealmPolicy policy = provider.policy();
			Map<String, Set<String>> appHolders = provider.holdersOf(Set.copyOf(APP_ROLES));
			appHolders.forEach((username, roles) -> roles.stream()
				.sorted()
				.forEach(role -> targets.computeIfAbsent(username, u -> new ArrayList<>())
					.add(new Target(TRUNKGUARD, null, APP_ROLE_WORDS.getOrDefault(role, role), null,
							"the compliance leads"))));
			List<MfaReadRow> rows = new ArrayList<>();
			Map<String, String> findings = new LinkedHashMap<>();
			for (Map.Entry<String, List<Target>> holder : targets.entrySet()) {
				String username = holder.getKey();
				String name = fullName(username, persons);
				Optional<MfaDirectory.Account> account = provider.account(username);
				MfaStatus status = status(account, policy);
				String sentence = sentence(named(username, name), status, account, provider.source());
				rows.add(new MfaReadRow(username, name, roleWords(holder.getValue()),
						account.map(a -> String.join(", ", a.factors())).orElse(""), status, sentence));
				if (status.isException()) {
					findings.put(username, sentence);
				}
			}
			read = reads.save(new MfaRead(readId, now, actor, provider.source(), true, policy.sentences(), rows));
			followUp(read, targets, findings, persons, now);
		}
		events.publishEvent(new MfaReadRecorded(read.getId(), read.getSource(), read.isIdentityProvider(),
				read.getRows().size(), read.getExceptionCount(), actor, now));
		return read;
	}

	/**
	 * Opens an exception per new finding and closes the open ones this read found fixed.
	 */
	private void followUp(MfaRead read, Map<String, List<Target>> targets, Map<String, String> findings,
			Map<String, Person> persons, Instant now) {
		List<MfaException> open = exceptions.findByStatusOrderByOpenedAtAscUsernameAsc(MfaException.Status.OPEN);
		Set<MfaException> stillFound = new java.util.HashSet<>();
		findings.forEach((username, sentence) -> {
			for (Target target : targets.get(username)) {
				Optional<MfaException> existing = open.stream()
					.filter(e -> e.concerns(username, target.systemName(), target.role()))
					.findFirst();
				if (existing.isPresent()) {
					stillFound.add(existing.get());
					continue;
				}
				String name = fullName(username, persons);
				MfaException opened = exceptions.save(new MfaException(UUID.randomUUID(), username,
						name == null ? username : name, target.systemId(), target.systemName(), target.role(),
						target.ownerUsername(), target.ownerName(), sentence, read.getId(), now));
				events.publishEvent(new MfaExceptionOpened(opened.getId(), username, opened.getPersonName(),
						target.systemName(), target.role(), target.ownerUsername(), target.ownerName(), sentence,
						read.getReadBy(), now));
			}
		});
		Map<String, MfaReadRow> rows = read.getRows()
			.stream()
			.collect(Collectors.toMap(r -> r.getUsername().toLowerCase(java.util.Locale.ROOT), Function.identity(),
					(a, b) -> a));
		for (MfaException exception : open) {
			if (stillFound.contains(exception)) {
				continue;
			}
			MfaReadRow row = rows.get(exception.getUsername().toLowerCase(java.util.Locale.ROOT));
			String note = "The read of " + WHEN.format(now) + " no longer finds this: " + (row == null
					? exception.getPersonNamed() + " no longer holds a privileged role." : row.getSentence());
			exception.close(note, MfaException.READ_ACTOR, now);
			exceptions.save(exception);
			events.publishEvent(new MfaExceptionClosed(exception.getId(), exception.getUsername(),
					exception.getSystemName(), exception.getRole(), note, MfaException.READ_ACTOR, now));
		}
	}

	/**
	 * The holders of active privileged grants by username (people without a login account
	 * are left out: no identity provider can know them), each with the grants' systems
	 * and their owners.
	 */
	private Map<String, List<Target>> privilegedGrantTargets() {
		List<AccessGrant> grants = access
			.searchGrants(GrantQuery.all().withStatus(GrantStatus.ACTIVE).withPrivileged(true), Pageable.unpaged())
			.getContent();
		Map<SystemId, AccessSystem> systems = access
			.systemsByIds(grants.stream().map(AccessGrant::getSystemId).collect(Collectors.toSet()));
		Set<PersonId> personIds = new LinkedHashSet<>();
		grants.forEach(g -> personIds.add(g.getPersonId()));
		systems.values().forEach(s -> personIds.add(s.getOwnerId()));
		Map<PersonId, Person> byId = people.byIds(personIds);
		Map<String, List<Target>> targets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (AccessGrant grant : grants) {
			Person holder = byId.get(grant.getPersonId());
			AccessSystem system = systems.get(grant.getSystemId());
			if (holder == null || holder.getUsername() == null || system == null) {
				continue;
			}
			Person owner = byId.get(system.getOwnerId());
			boolean ownOwner = owner == null || owner.getId().equals(holder.getId()) || owner.getUsername() == null;
			targets.computeIfAbsent(holder.getUsername(), u -> new ArrayList<>())
				.add(new Target(system.getName(), system.getId(), grant.getEntitlement(),
						ownOwner ? null : owner.getUsername(),
						ownOwner ? "the compliance leads (the owner holds the role)" : owner.getFullName()));
		}
		return targets;
	}

	static MfaStatus status(Optional<MfaDirectory.Account> account, MfaDirectory.RealmPolicy policy) {
		if (account.isEmpty()) {
			return MfaStatus.NO_ACCOUNT;
		}
		MfaDirectory.Account a = account.get();
		if (!a.enabled()) {
			return MfaStatus.DISABLED;
		}
		boolean required = policy.requires(a.realmRoles());
		if (!a.factors().isEmpty()) {
			return required ? MfaStatus.ENFORCED_AND_CONFIGURED : MfaStatus.CONFIGURED_NOT_REQUIRED;
		}
		return required || a.setupPending() ? MfaStatus.REQUIRED_NOT_CONFIGURED : MfaStatus.MISSING;
	}

	static String sentence(String person, MfaStatus status, Optional<MfaDirectory.Account> account, String source) {
		String factors = account.map(a -> String.join(" and ", a.factors())).orElse("");
		return switch (status) {
			case ENFORCED_AND_CONFIGURED ->
				person + " has set up " + factors + ", and the login requires a second factor of them.";
			case CONFIGURED_NOT_REQUIRED -> person + " has set up " + factors
					+ ", but the login does not require a second factor of them: a password alone still opens "
					+ "their privileged access.";
			case REQUIRED_NOT_CONFIGURED -> person + " has no second factor yet; "
					+ (account.map(MfaDirectory.Account::setupPending).orElse(false)
							? "they must set one up at their next login."
							: "the login requires one, so they cannot log in until they set one up.");
			case MISSING ->
				person + " has no second factor and the login does not require one: a password alone opens their "
						+ "privileged access.";
			case NO_ACCOUNT ->
				person + " has no account in " + source + ", so their second factor cannot be evidenced there.";
			case DISABLED -> person + "'s account is disabled, so nobody can log in with it.";
			case NOT_EVIDENCED -> person + "'s second factor cannot be evidenced: there is no identity provider.";
		};
	}

	private String fullName(String username, Map<String, Person> persons) {
		Person person = persons.computeIfAbsent(username, u -> people.findByUsername(u).orElse(null));
		return person == null ? null : person.getFullName();
	}

	private static String named(String username, String fullName) {
		return fullName == null ? username : fullName + " (" + username + ")";
	}

	private static String roleWords(List<Target> targets) {
		return targets.stream().map(Target::words).distinct().collect(Collectors.joining("; "));
	}

	@Override
	public boolean identityProviderConnected() {
		return directory.getIfAvailable() != null;
	}

	@Override
	public Optional<MfaRead> latest() {
		return reads.findFirstByOrderByReadAtDesc();
	}

	@Override
	public List<MfaRead> recent() {
		return reads.findTop24ByOrderByReadAtDesc();
	}

	@Override
	public MfaRead get(UUID readId) {
		return reads.findById(readId).orElseThrow(() -> new NotFoundException("MfaRead", readId));
	}

	@Override
	public List<MfaException> openExceptions() {
		return exceptions.findByStatusOrderByOpenedAtAscUsernameAsc(MfaException.Status.OPEN);
	}

	@Override
	public List<MfaException> recentlyClosedExceptions() {
		return exceptions.findTop200ByStatusOrderByClosedAtDesc(MfaException.Status.CLOSED);
	}

	@Override
	public MfaException exception(UUID exceptionId) {
		return exceptions.findById(exceptionId).orElseThrow(() -> new NotFoundException("MfaException", exceptionId));
	}

	@Override
	@Transactional
	public MfaException close(UUID exceptionId, String note, String actor, boolean overseer) {
		MfaException exception = exception(exceptionId);
		if (!overseer && !exception.isOwnedBy(actor)) {
			throw new InvalidStateException("mfa-exception.not-owner",
					"Only " + exception.getOwnerNamed() + " or a compliance lead closes the exception about "
							+ exception.getPersonNamed() + " on " + exception.getSystemName() + ".");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		exception.close(note, actor, now);
		MfaException saved = exceptions.save(exception);
		events.publishEvent(new MfaExceptionClosed(saved.getId(), saved.getUsername(), saved.getSystemName(),
				saved.getRole(), saved.getCloseNote(), actor, now));
		return saved;
	}

}
