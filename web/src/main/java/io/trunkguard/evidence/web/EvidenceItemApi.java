package io.trunkguard.evidence.web;

import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evidence items: listed for a period (each marked in or out of it), the evidenced period
 * corrected with a reason, approved and flags answered by compliance leads; every change
 * audited by the domain. Flagging ({@code POST /api/evidence-items/{id}/flag}, the
 * auditor's one write) is answered by the audits ({@code engagement.web}), which limit it
 * to the evidence of the audits assigned to the auditor.
 */
@RestController
@RequestMapping("/api/evidence-items")
class EvidenceItemApi {

	record EvidenceItemResponse(UUID id, String title, List<String> controls, LocalDate evidencedFrom,
			LocalDate evidencedTo, boolean inPeriod, String status, LocalDate expiresOn, String owner, String fileName,
			String sha256, long sizeBytes, String recordedBy, Instant recordedAt, String flagComment,
			String flagAnswer) {
	}

	record PeriodChange(LocalDate from, LocalDate to, String reason) {
	}

	record Comment(String text) {
	}

	private final EvidenceService evidence;

	private final FileStore files;

	private final Clock clock;

	EvidenceItemApi(EvidenceService evidence, FileStore files, ObjectProvider<Clock> clock) {
		this.evidence = evidence;
		this.files = files;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Every item; with a period, those evidencing it first, then the others (out of
	 * period).
	 */
	@GetMapping
	List<EvidenceItemResponse> list(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		LocalDate start = date(from, "from", LocalDate.MIN);
		LocalDate end = date(to, "to", LocalDate.MAX);
		return evidence.all()
			.stream()
			.map(item -> response(item, item.evidencesWithin(start, end)))
			.sorted(java.util.Comparator.comparing(EvidenceItemResponse::inPeriod).reversed())
			.toList();
	}

	@GetMapping("/{id}")
	EvidenceItemResponse get(@PathVariable("id") UUID id) {
		EvidenceItem item = evidence.get(id);
		return response(item, true);
	}

	@PostMapping("/{id}/period")
	EvidenceItemResponse changePeriod(@PathVariable("id") UUID id, @RequestBody PeriodChange change,
			Authentication user) {
		if (change.from() == null || change.to() == null) {
			throw new InvalidInputException("evidence.period-required", "say the first and last day it evidences",
					Map.of("from", "required", "to", "required"));
		}
		return response(evidence.changePeriod(id, change.from(), change.to(), change.reason(), user.getName()), true);
	}

	@PostMapping("/{id}/approve")
	EvidenceItemResponse approve(@PathVariable("id") UUID id, Authentication user) {
		return response(evidence.approve(id, user.getName()), true);
	}

	@PostMapping("/{id}/answer")
	EvidenceItemResponse answer(@PathVariable("id") UUID id, @RequestBody Comment answer, Authentication user) {
		return response(evidence.answerFlag(id, answer.text(), user.getName()), true);
	}

	private EvidenceItemResponse response(EvidenceItem item, boolean inPeriod) {
		StoredFile file = files.get(item.getFileId());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return new EvidenceItemResponse(item.getId(), item.getTitle(), item.getControls(), item.getEvidencedFrom(),
				item.getEvidencedTo(), inPeriod, item.statusOn(today).label(), item.getExpiresOn(), item.getOwner(),
				file.getOriginalName(), file.getSha256(), file.getSizeBytes(), item.getRecordedBy(),
				item.getRecordedAt(), item.getFlagComment(), item.getFlagAnswer());
	}

	private static LocalDate date(String value, String name, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("evidence.period-invalid",
					"'" + name + "' must be an ISO date such as 2026-01-31", Map.of(name, "not an ISO date"));
		}
	}

}
