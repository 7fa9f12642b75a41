package io.trunkguard.trace;

import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.Vendors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens, escalates and closes encryption remediation tasks. An analysed capture opens one
 * for a trunk that was encrypted in its previous capture and is not now, and one for each
 * HIGH CC6.7 finding on a carrier whose contract states an encryption clause; each goes
 * to the carrier's owner, due in {@code trunkguard.trace.remediation-due-days}. The
 * {@code encryptionRemediation} process escalates it when overdue.
 */
@Service
@Transactional
public class EncryptionRemediationService {

	static final String ACTOR = "system:capture-analysis";

	private final EncryptionRemediations tasks;

	private final Captures captures;

	private final CaptureLegs legs;

	private final CaptureFindings findings;

	private final ContractClauseCheck clauses;

	private final Vendors vendors;

	private final PersonService people;

	private final TraceProperties properties;

	private final Clock clock;

	EncryptionRemediationService(EncryptionRemediations tasks, Captures captures, CaptureLegs legs,
			CaptureFindings findings, ContractClauseCheck clauses, Vendors vendors, PersonService people,
			TraceProperties properties, ObjectProvider<Clock> clock) {
		this.tasks = tasks;
		this.captures = captures;
		this.legs = legs;
		this.findings = findings;
		this.clauses = clauses;
		this.vendors = vendors;
		this.people = people;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The tasks the capture's attached legs call for (none twice). */
	List<EncryptionRemediation> openFor(Capture capture, Map<VendorId, List<CaptureLeg>> attached) {
		List<EncryptionRemediation> opened = new ArrayList<>();
		List<CaptureFinding> captureFindings = findings.findByCaptureId(capture.getId());
		attached.forEach((vendor, vendorLegs) -> {
			Optional<Vendor> carrier = vendors.findById(vendor);
			if (carrier.isEmpty()) {
				return;
			}
			Map<String, List<CaptureLeg>> byTrunk = vendorLegs.stream()
				.collect(Collectors.groupingBy(CaptureLeg::getEndpointB, LinkedHashMap::new, Collectors.toList()));
			byTrunk.forEach((trunk, trunkLegs) -> regression(capture, carrier.get(), trunk, trunkLegs, captureFindings)
				.ifPresent(opened::add));
			if (clauses.clauseOf(vendor).isPresent()) {
				for (CaptureFinding finding : captureFindings) {
					if (vendor.equals(finding.getVendorId()) && "HIGH".equals(finding.getSeverity())
							&& finding.getCriterion().startsWith("CC6.7")) {
						String trunk = vendorLegs.stream()
							.filter(finding::concerns)
							.map(CaptureLeg::getEndpointB)
							.findFirst()
							.orElse(vendorLegs.get(0).getEndpointB());
						open(capture, carrier.get(), trunk, RemediationCause.HIGH_FINDING, finding.getRuleId(),
								"Capture " + capture.getFileName() + " shows a high-severity " + finding.getCriterion()
										+ " finding on trunk " + trunk + ", against the contract's "
										+ "encryption clause: " + sentence(finding.getExplanation()),
								finding.getFrames())
							.ifPresent(opened::add);
					}
				}
			}
		});
		return opened;
	}

	private Optional<EncryptionRemediation> regression(Capture capture, Vendor carrier, String trunk,
			List<CaptureLeg> now, List<CaptureFinding> captureFindings) {
		if (now.stream().allMatch(l -> l.getVerdict() == LegVerdict.ENCRYPTED)) {
			return Optional.empty();
		}
		Instant at = ContractClauseCheck.trafficTime(capture);
		Map<CaptureId, List<CaptureLeg>> earlier = legs.findByVendorId(carrier.getId())
			.stream()
			.filter(l -> l.getEndpointB().equals(trunk) && !l.getCaptureId().equals(capture.getId()))
			.collect(Collectors.groupingBy(CaptureLeg::getCaptureId));
		Capture previous = null;
		for (CaptureId id : earlier.keySet()) {
			Capture c = captures.findById(id).orElse(null);
			if (c != null && c.getStatus() == CaptureStatus.DONE && ContractClauseCheck.trafficTime(c).isBefore(at)
					&& (previous == null
							|| ContractClauseCheck.trafficTime(c).isAfter(ContractClauseCheck.trafficTime(previous)))) {
				previous = c;
			}
		}
		if (previous == null
				|| !earlier.get(previous.getId()).stream().allMatch(l -> l.getVerdict() == LegVerdict.ENCRYPTED)) {
			return Optional.empty();
		}
		List<CaptureLeg> broken = now.stream().filter(l -> l.getVerdict() != LegVerdict.ENCRYPTED).toList();
		List<Long> frames = broken.stream()
			.flatMap(l -> ContractClauseCheck.frames(l, captureFindings).stream())
			.distinct()
			.sorted()
			.toList();
		String legsText = broken.stream()
			.map(l -> "leg " + l.getLegId() + " is " + l.getVerdict().description().toLowerCase(Locale.ROOT)
					+ (l.getReason() == null ? "" : " (" + l.getReason() + ")"))
			.collect(Collectors.joining("; "));
		return open(capture, carrier, trunk, RemediationCause.REGRESSION, null,
				"Trunk " + trunk + " was encrypted in capture " + previous.getFileName() + " and is not in capture "
						+ capture.getFileName() + ": " + legsText + ".",
				frames);
	}

	private Optional<EncryptionRemediation> open(Capture capture, Vendor carrier, String trunk, RemediationCause cause,
			String ruleId, String description, List<Long> frames) {
		if (tasks.existsByDedupeKey(EncryptionRemediation.dedupeKey(capture.getId(), carrier.getId(),
				CaptureLeg.cut(trunk, 80), cause, ruleId))) {
			return Optional.empty();
		}
		Person owner = people.get(carrier.getOwnerId());
		Instant now = now();
		LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(properties.remediationDueDays());
		return Optional.of(tasks.save(EncryptionRemediation.open(carrier.getId(), carrier.getName(), trunk, capture,
				cause, ruleId, description, frames, owner.getUsername(), owner.getFullName(), due, ACTOR, now)));
	}

	/**
	 * Escalates the task if it is still open after its due date; returns whether it did.
	 */
	public boolean escalate(UUID id) {
		EncryptionRemediation task = get(id);
		Instant now = now();
		boolean escalated = task.escalate(vendorName(task.getVendorId()), "system:remediation-watch", now,
				LocalDate.ofInstant(now, ZoneOffset.UTC));
		if (escalated) {
			tasks.save(task);
		}
		return escalated;
	}

	/** Closes the task with a newer capture of its trunk. */
	public EncryptionRemediation closeWithCapture(UUID id, CaptureId captureId, String actor) {
		EncryptionRemediation task = get(id);
		Capture newer = captures.findById(captureId).orElseThrow(() -> new NotFoundException("Capture", captureId));
		Capture opening = captures.findById(task.getCaptureId())
			.orElseThrow(() -> new NotFoundException("Capture", task.getCaptureId()));
		boolean showsTrunk = legs.findByCaptureIdOrderByFirstFrame(captureId)
			.stream()
			.anyMatch(l -> task.getVendorId().equals(l.getVendorId()) && task.getTrunk().equals(l.getEndpointB()));
		task.closeWith(newer, opening, showsTrunk, actor, now());
		return tasks.save(task);
	}

	/**
	 * Closes the task as an accepted risk (the caller lets only compliance leads do so;
	 * the carrier's owner is refused here).
	 */
	public EncryptionRemediation acceptRisk(UUID id, String justification, String actor) {
		EncryptionRemediation task = get(id);
		task.acceptRisk(justification, actor, now());
		return tasks.save(task);
	}

	@Transactional(readOnly = true)
	public EncryptionRemediation get(UUID id) {
		return tasks.findById(id).orElseThrow(() -> new NotFoundException("EncryptionRemediation", id));
	}

	@Transactional(readOnly = true)
	public List<EncryptionRemediation> ofVendor(VendorId vendor) {
		return tasks.findByVendorIdOrderByOpenedAtDesc(vendor);
	}

	@Transactional(readOnly = true)
	public List<EncryptionRemediation> open() {
		return tasks.findByStatusOrderByDueOn(EncryptionRemediation.Status.OPEN);
	}

	private String vendorName(VendorId id) {
		return vendors.findById(id).map(Vendor::getName).orElse("an unknown carrier");
	}

	private static String sentence(String text) {
		String s = text == null ? "" : text.strip();
		return s.endsWith(".") ? s : s + ".";
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
