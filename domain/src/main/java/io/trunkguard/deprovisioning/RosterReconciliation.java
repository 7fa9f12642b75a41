package io.trunkguard.deprovisioning;

import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares an HR roster with the people Trunkguard knows: an active person missing from
 * the roster, or whose end date has come, is terminated (one case each, through
 * {@link DeprovisioningService#receiveTermination}). Event ids are derived from the
 * person and the reason, so importing the same roster again opens nothing new. A roster
 * that would terminate more than
 * {@code trunkguard.deprovisioning.roster-max-terminations-percent} of the active people
 * is refused whole: a truncated file must not deprovision the company. The import is one
 * transaction: nothing is half-applied.
 */
@Service
public class RosterReconciliation {

	private final PersonService people;

	private final DeprovisioningService deprovisioning;

	private final DeprovisioningProperties properties;

	private final Clock clock;

	RosterReconciliation(PersonService people, DeprovisioningService deprovisioning,
			DeprovisioningProperties properties, ObjectProvider<Clock> clock) {
		this.people = people;
		this.deprovisioning = deprovisioning;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * In one transaction: a roster is applied whole or not at all (processes start only
	 * after it commits).
	 */
	@org.springframework.transaction.annotation.Transactional
	public RosterOutcome reconcile(List<RosterEntry> roster, String rosterId, String actor) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Map<String, RosterEntry> byHrId = roster.stream()
			.collect(Collectors.toMap(RosterEntry::hrId, Function.identity(), (a, b) -> b));
		List<Person> active = people.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null), Pageable.unpaged())
			.getContent();
		Map<String, Person> activeByHrId = active.stream()
			.collect(Collectors.toMap(Person::getHrId, Function.identity()));

		List<Person> disappeared = active.stream().filter(p -> !byHrId.containsKey(p.getHrId())).toList();
		List<RosterEntry> ended = roster.stream()
			.filter(e -> e.endDate() != null && !e.endDate().isAfter(today))
			.filter(e -> activeByHrId.containsKey(e.hrId()))
			.toList();
		List<String> unknown = roster.stream()
			.map(RosterEntry::hrId)
			.filter(id -> people.findByHrId(id).isEmpty())
			.toList();

		LocalDate earliest = LocalDate.ofInstant(clock.instant().minus(properties.effectiveAtMaxBack()),
				ZoneOffset.UTC);
		List<String> tooOld = ended.stream()
			.filter(e -> e.endDate().isBefore(earliest))
			.map(e -> "line " + e.line() + " (" + e.hrId() + ", " + e.endDate() + ")")
			.toList();
		if (!tooOld.isEmpty()) {
			throw new RosterRefusedException("The roster ends the employment of active people more than "
					+ properties.effectiveAtMaxBack().toDays() + " days ago: " + String.join(", ", tooOld)
					+ ": nothing was done; check the end dates.");
		}
		int terminations = disappeared.size() + ended.size();
		if (!active.isEmpty() && terminations * 100.0 / active.size() > properties.rosterMaxTerminationsPercent()) {
			throw new RosterRefusedException(
					"The roster would terminate " + terminations + " of " + active.size() + " active people (more than "
							+ properties.rosterMaxTerminationsPercent() + "%): nothing was done; check the file.");
		}
		List<DeprovisioningCaseId> opened = new ArrayList<>();
		for (Person person : disappeared) {
			CaseReceipt receipt = deprovisioning
				.receiveTermination(new TerminationNotice("roster:" + person.getHrId() + ":absent", person.getHrId(),
						clock.instant(), TerminationSource.ROSTER_CSV, actor));
			if (receipt.newCase()) {
				opened.add(receipt.caseId());
			}
		}
		for (RosterEntry entry : ended) {
			CaseReceipt receipt = deprovisioning.receiveTermination(new TerminationNotice(
					"roster:" + entry.hrId() + ":ended:" + entry.endDate(), entry.hrId(),
					entry.endDate().atStartOfDay(ZoneOffset.UTC).toInstant(), TerminationSource.ROSTER_CSV, actor));
			if (receipt.newCase()) {
				opened.add(receipt.caseId());
			}
		}
		return new RosterOutcome(rosterId, roster.size(), disappeared.stream().map(Person::getHrId).toList(),
				ended.stream().map(RosterEntry::hrId).toList(), opened, unknown);
	}

}
