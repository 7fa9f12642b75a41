package io.trunkguard.engagement;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.LoginAccounts;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

@Service
@Validated
@Transactional
class DefaultAuditEngagementService implements AuditEngagementService {

	/** A login as the local accounts and Keycloak write it. */
	private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

	private final AuditEngagements audits;

	private final ApplicationEventPublisher events;

	/** The role a login needs to be assigned to an audit. */
	static final String AUDITOR_ROLE = "auditor";

	/**
	 * The application's roles, the only ones a refusal names (not the realm's others).
	 */
	private static final Set<String> APPLICATION_ROLES = Set.of("reviewer", "compliance-lead", AUDITOR_ROLE, "admin");

	private final Clock clock;

	private final ObjectProvider<LoginAccounts> accounts;

	DefaultAuditEngagementService(AuditEngagements audits, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock, ObjectProvider<LoginAccounts> accounts) {
		this.audits = audits;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.accounts = accounts;
	}

	@Override
	public AuditEngagement create(AuditDraft draft, String actor) {
		AuditDraft checked = check(draft, accounts.getIfAvailable());
		AuditEngagement audit = audits.save(new AuditEngagement(checked, actor, now()));
		publish(audit, true, actor);
		return audit;
	}

	@Override
	public AuditEngagement edit(AuditEngagementId id, AuditDraft draft, Long basedOnVersion, String actor) {
		AuditEngagement audit = get(id);
		if (basedOnVersion != null) {
			StaleVersionException.check("Audit", id.toString(), basedOnVersion, audit.getVersion());
		}
		audit.apply(check(draft, accounts.getIfAvailable()), actor, now());
		AuditEngagement saved = audits.save(audit);
		publish(saved, false, actor);
		return saved;
	}

	@Override
	@Transactional(readOnly = true)
	public AuditEngagement get(AuditEngagementId id) {
		return audits.findById(id).orElseThrow(() -> new NotFoundException("Audit", id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEngagement> all() {
		return audits.findAllByOrderByPeriodFromDescNameAsc();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEngagement> assignedTo(String login) {
		return all().stream().filter(audit -> audit.isAssignedTo(login)).toList();
	}

	private void publish(AuditEngagement audit, boolean created, String actor) {
		events.publishEvent(
				new AuditEngagementChanged(audit.getId(), created, audit.getName(), audit.getPeriodFrom().toString(),
						audit.getPeriodTo().toString(), String.join(", ", audit.getCriteria()),
						String.join(", ", audit.getAuditors()), actor, audit.getChangedAt()));
	}

	/**
	 * The draft cleaned up (criteria in order, logins once each), or every error named.
	 * With {@code accounts} (null: form only), each auditor's login must exist there, be
	 * enabled and hold the auditor role.
	 */
	static AuditDraft check(AuditDraft draft, LoginAccounts accounts) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> sentences = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty()) {
			errors.put("name", "required");
			sentences.add("the audit needs a name");
		}
		else if (name.length() > MAX_NAME) {
			errors.put("name", "too long");
			sentences.add("the name is longer than " + MAX_NAME + " characters");
		}
		if (draft.from() == null || draft.to() == null) {
			errors.put(draft.from() == null ? "from" : "to", "required");
			sentences.add("the period needs a first and a last day");
		}
		else if (draft.to().isBefore(draft.from())) {
			errors.put("to", "before from");
			sentences.add("the period must not end (" + draft.to() + ") before it starts (" + draft.from() + ")");
		}
		Set<String> wanted = new LinkedHashSet<>();
		for (String criterion : draft.criteria()) {
			String code = criterion == null ? "" : criterion.strip().toUpperCase(Locale.ROOT);
			if (code.isEmpty()) {
				continue;
			}
			if (!CRITERIA.contains(code)) {
				errors.put("criteria", "unknown criterion");
				sentences.add("“" + criterion.strip() + "” is not a criterion in scope (" + String.join(", ", CRITERIA)
						+ ")");
			}
			wanted.add(code);
		}
		List<String> criteria = CRITERIA.stream().filter(wanted::contains).toList();
		if (criteria.isEmpty() && !errors.containsKey("criteria")) {
			errors.put("criteria", "required");
			sentences.add("choose at least one criterion");
		}
		Set<String> auditors = new LinkedHashSet<>();
		for (String login : draft.auditors()) {
			String clean = login == null ? "" : login.strip();
			if (clean.isEmpty()) {
				continue;
			}
			if (!LOGIN.matcher(clean).matches()) {
				errors.put("auditors", "not a login");
				sentences.add("“" + clean + "” is not a login (letters, digits, dot, dash, underscore, @)");
			}
			else if (accounts != null && !auditors.contains(clean)) {
				refusal(clean, accounts).ifPresent(why -> {
					errors.put("auditors", "not an auditor's login");
					sentences.add(why);
				});
			}
			auditors.add(clean);
		}
		if (auditors.isEmpty() && !errors.containsKey("auditors")) {
			errors.put("auditors", "required");
			sentences.add("assign at least one auditor");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("audit.invalid", String.join("; ", sentences), errors);
		}
		return new AuditDraft(name, draft.from(), draft.to(), criteria, List.copyOf(auditors));
	}

	/** Why {@code login} cannot be assigned to an audit; empty if it can. */
	private static Optional<String> refusal(String login, LoginAccounts accounts) {
		Optional<LoginAccounts.LoginAccount> account = accounts.account(login);
		if (account.isEmpty()) {
			return Optional
				.of("“" + login + "” has no login in " + accounts.source() + ", so they could never open the audit");
		}
		if (account.get().disabled()) {
			return Optional.of("the login “" + login + "” is disabled in " + accounts.source()
					+ ", so they could not open the audit");
		}
		if (!account.get().roles().contains(AUDITOR_ROLE)) {
			List<String> roles = account.get().roles().stream().filter(APPLICATION_ROLES::contains).sorted().toList();
			String held = roles.isEmpty() ? "no Trunkguard role"
					: (roles.size() == 1 ? "the role " : "the roles ") + String.join(", ", roles).replace('-', ' ');
			return Optional.of("“" + login + "” holds " + held + " in " + accounts.source()
					+ ", not the auditor's: only auditors are assigned to an audit");
		}
		return Optional.empty();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
