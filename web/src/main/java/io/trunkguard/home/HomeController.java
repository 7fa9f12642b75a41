package io.trunkguard.home;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.SystemId;
import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.security.LocalAccountDirectory;
import io.trunkguard.security.Role;
import io.trunkguard.vendor.VendorService;

/** Shows each role at {@code /} what needs its attention. */
@Controller
class HomeController {

	/** A grant with the names a page shows. */
	public record GrantLine(String person, String system, String entitlement, boolean privileged, String lastUsed) {
	}

	/** A system a reviewer owns, with how much access on it needs a look. */
	public record OwnedSystem(String name, long activeGrants, long dormantPrivileged) {
	}

	/** Someone who left but still holds access. */
	public record Leaver(String id, String name, String lastDay, int activeGrants) {
	}

	/** A system whose owner has left: nobody reviews its access. */
	public record OrphanedSystem(String id, String name, String owner) {
	}

	private static final PageRequest ALL = PageRequest.of(0, 1000);

	private final PersonService people;

	private final AccessService access;

	private final VendorService vendors;

	private final AuditEntries auditEntries;

	private final AuditChainVerifier verifier;

	private final ObjectProvider<HealthEndpoint> health;

	private final ObjectProvider<LocalAccountDirectory> localAccounts;

	private final HomeSettings settings;

	private final Clock clock;

	HomeController(PersonService people, AccessService access, VendorService vendors, AuditEntries auditEntries,
			AuditChainVerifier verifier, ObjectProvider<HealthEndpoint> health,
			ObjectProvider<LocalAccountDirectory> localAccounts, HomeSettings settings, ObjectProvider<Clock> clock) {
		this.people = people;
		this.access = access;
		this.vendors = vendors;
		this.auditEntries = auditEntries;
		this.verifier = verifier;
		this.health = health;
		this.localAccounts = localAccounts;
		this.settings = settings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Role role = Role.primaryOf(authentication).orElse(null);
		model.addAttribute("role", role == null ? "none" : role.roleName());
		model.addAttribute("username", authentication.getName());
		Optional<Person> me = people.findByUsername(authentication.getName());
		model.addAttribute("me", me.orElse(null));
		if (role == null) {
			return "home";
		}
		switch (role) {
			case REVIEWER -> reviewer(me, model);
			case COMPLIANCE_LEAD -> complianceLead(model);
			case AUDITOR -> auditor(model);
			case ADMIN -> admin(model);
		}
		return "home";
	}

	private void reviewer(Optional<Person> me, Model model) {
		List<OwnedSystem> owned = new ArrayList<>();
		List<GrantLine> dormant = new ArrayList<>();
		List<GrantLine> team = new ArrayList<>();
		if (me.isPresent()) {
			PersonId myId = me.get().getId();
			Instant dormantSince = clock.instant().minus(settings.dormantAfter());
			Map<SystemId, AccessSystem> systems = systemsById();
			for (AccessSystem system : systems.values()) {
				if (!myId.equals(system.getOwnerId())) {
					continue;
				}
				long active = access.searchGrants(GrantQuery.activeOn(system.getId()), PageRequest.of(0, 1))
					.getTotalElements();
				List<AccessGrant> stale = access
					.searchGrants(new GrantQuery(null, system.getId(), GrantStatus.ACTIVE, true, dormantSince, null),
							ALL)
					.getContent();
				owned.add(new OwnedSystem(system.getName(), active, stale.size()));
				stale.forEach(grant -> dormant.add(line(grant, systems)));
			}
			for (Person report : people.directReports(myId)) {
				access.activeGrantsOf(report.getId()).forEach(grant -> team.add(line(grant, systems)));
			}
		}
		owned.sort(Comparator.comparing(OwnedSystem::name));
		dormant.sort(Comparator.comparing(GrantLine::system).thenComparing(GrantLine::person));
		team.sort(Comparator.comparing(GrantLine::person).thenComparing(GrantLine::system));
		model.addAttribute("ownedSystems", owned);
		model.addAttribute("dormantPrivileged", dormant);
		model.addAttribute("teamGrants", team);
		model.addAttribute("dormantDays", settings.dormantAfter().toDays());
	}

	private void complianceLead(Model model) {
		List<Leaver> leavers = new ArrayList<>();
		for (Person person : people.search(new PersonSearch(null, EmploymentStatus.LEFT, null), ALL)) {
			int grants = access.activeGrantsOf(person.getId()).size();
			if (grants > 0) {
				leavers.add(new Leaver(person.getId().toString(), person.getFullName(),
						String.valueOf(person.getEndDate()), grants));
			}
		}
		List<OrphanedSystem> orphaned = new ArrayList<>();
		for (AccessSystem system : access.allSystems()) {
			Person owner = system.getOwnerId() == null ? null : people.get(system.getOwnerId());
			if (owner == null || !owner.isActive()) {
				orphaned.add(new OrphanedSystem(system.getId().toString(), system.getName(),
						owner == null ? "nobody" : owner.getFullName() + " (left)"));
			}
		}
		model.addAttribute("leavers", leavers);
		model.addAttribute("orphanedSystems", orphaned);
		model.addAttribute("vendors", vendors.search(null, null, PageRequest.of(0, 20, Sort.by("name"))).getContent());
		model
			.addAttribute("dormantPrivilegedCount", access
				.searchGrants(GrantQuery.dormant(clock.instant().minus(settings.dormantAfter())).withPrivileged(true),
						PageRequest.of(0, 1))
				.getTotalElements());
		model.addAttribute("dormantDays", settings.dormantAfter().toDays());
		counts(model);
	}

	private void auditor(Model model) {
		model.addAttribute("verification", verifier.verify());
		model.addAttribute("auditEntryCount", auditEntries.count());
		counts(model);
	}

	private void admin(Model model) {
		HealthEndpoint endpoint = health.getIfAvailable();
		if (endpoint != null) {
			HealthComponent overall = endpoint.health();
			model.addAttribute("healthStatus", overall.getStatus().getCode());
			model.addAttribute("healthComponents",
					overall instanceof CompositeHealth composite ? composite.getComponents()
						.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getStatus().getCode(),
								(a, b) -> a, java.util.TreeMap::new))
							: Map.of());
		}
		LocalAccountDirectory directory = localAccounts.getIfAvailable();
		model.addAttribute("localAccounts", directory == null ? null : directory.list());
		counts(model);
	}

	private void counts(Model model) {
		model.addAttribute("activePeople",
				people.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), PageRequest.of(0, 1))
					.getTotalElements());
		model.addAttribute("systemCount", access.allSystems().size());
		model.addAttribute("activeGrants",
				access.searchGrants(GrantQuery.all().withStatus(GrantStatus.ACTIVE), PageRequest.of(0, 1))
					.getTotalElements());
		model.addAttribute("vendorCount", vendors.search(null, null, PageRequest.of(0, 1)).getTotalElements());
	}

	private GrantLine line(AccessGrant grant, Map<SystemId, AccessSystem> systems) {
		AccessSystem system = systems.get(grant.getSystemId());
		return new GrantLine(people.get(grant.getPersonId()).getFullName(), system == null ? "?" : system.getName(),
				grant.getEntitlement(), grant.isPrivileged(), grant.getLastUsedAt() == null ? "never"
						: LocalDate.ofInstant(grant.getLastUsedAt(), ZoneOffset.UTC).toString());
	}

	private Map<SystemId, AccessSystem> systemsById() {
		return access.allSystems().stream().collect(Collectors.toMap(AccessSystem::getId, Function.identity()));
	}

}
