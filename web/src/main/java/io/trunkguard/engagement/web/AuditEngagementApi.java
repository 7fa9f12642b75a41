package io.trunkguard.engagement.web;

import io.trunkguard.control.ControlStatus;
import io.trunkguard.engagement.AuditDraft;
import io.trunkguard.engagement.AuditEngagement;
import io.trunkguard.engagement.AuditEngagementId;
import io.trunkguard.engagement.AuditEngagementService;
import io.trunkguard.engagement.PopulationTable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Audits as JSON for scripts: the audits the caller may see, one audit's period view
 * (controls with gaps, evidence in and out of the period), its populations (JSON, CSV or
 * XLSX, each download audited), and creating or editing an audit (compliance leads and
 * admins).
 */
@RestController
class AuditEngagementApi {

	record AuditRequest(String name, LocalDate from, LocalDate to, List<String> criteria, List<String> auditors,
			Long version) {

		AuditDraft draft() {
			return new AuditDraft(name, from, to, criteria, auditors);
		}
	}

	record AuditResponse(UUID id, String name, LocalDate from, LocalDate to, List<String> criteria,
			List<String> auditors, long version, String evidencePack) {

		static AuditResponse of(AuditEngagement audit) {
			return new AuditResponse(audit.getId().value(), audit.getName(), audit.getPeriodFrom(), audit.getPeriodTo(),
					audit.getCriteria(), audit.getAuditors(), audit.getVersion() == null ? 0 : audit.getVersion(),
					"/api/evidence-packs?criteria=" + String.join(",", audit.getCriteria()) + "&from="
							+ audit.getPeriodFrom() + "&to=" + audit.getPeriodTo());
		}
	}

	record GapResponse(String where, String what, String text) {
	}

	record ControlResponse(String code, String title, String state, List<GapResponse> gaps) {

		static ControlResponse of(ControlStatus status) {
			return new ControlResponse(status.code(), status.title(), status.state().name(),
					status.gaps().stream().map(g -> new GapResponse(g.where(), g.what(), g.describe())).toList());
		}
	}

	record EvidenceResponse(UUID id, String title, List<String> controls, LocalDate evidencedFrom,
			LocalDate evidencedTo, boolean inPeriod, String status, String owner, String flagComment,
			String flagAnswer) {

		static EvidenceResponse of(AuditScope.EvidenceRow row, boolean inPeriod) {
			var item = row.item();
			return new EvidenceResponse(item.getId(), item.getTitle(), item.getControls(), item.getEvidencedFrom(),
					item.getEvidencedTo(), inPeriod, row.status(), item.getOwner(), item.getFlagComment(),
					item.getFlagAnswer());
		}
	}

	record PopulationLink(String population, String label, String criteria, String csv, String xlsx, String json) {
	}

	record AuditViewResponse(AuditResponse audit, List<ControlResponse> controls, List<EvidenceResponse> evidence,
			List<PopulationLink> populations) {
	}

	record PopulationResponse(String population, String label, LocalDate from, LocalDate to, List<String> header,
			List<List<String>> rows) {
	}

	private final AuditEngagementService audits;

	private final AuditScope scope;

	private final PopulationDownloads downloads;

	AuditEngagementApi(AuditEngagementService audits, AuditScope scope, PopulationDownloads downloads) {
		this.audits = audits;
		this.scope = scope;
		this.downloads = downloads;
	}

	@GetMapping("/api/audits")
	List<AuditResponse> list(Authentication user) {
		return scope.visibleTo(user).stream().map(AuditResponse::of).toList();
	}

	@PostMapping("/api/audits")
	ResponseEntity<AuditResponse> create(@RequestBody AuditRequest request, Authentication user) {
		AuditEngagement audit = audits.create(request.draft(), user.getName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/audits/" + audit.getId()))
			.body(AuditResponse.of(audit));
	}

	@GetMapping("/api/audits/{id}")
	AuditViewResponse get(@PathVariable AuditEngagementId id, Authentication user) {
		AuditEngagement audit = scope.get(id, user);
		AuditScope.PeriodView view = scope.view(audit);
		List<EvidenceResponse> evidence = new java.util.ArrayList<>();
		view.inPeriod().forEach(row -> evidence.add(EvidenceResponse.of(row, true)));
		view.outOfPeriod().forEach(row -> evidence.add(EvidenceResponse.of(row, false)));
		String base = "/api/audits/" + audit.getId() + "/populations/";
		return new AuditViewResponse(AuditResponse.of(audit),
				view.controls().stream().map(ControlResponse::of).toList(), evidence,
				java.util.Arrays.stream(io.trunkguard.engagement.AuditPopulation.values())
					.map(p -> new PopulationLink(p.slug(), p.label(), p.criteria(), base + p.slug() + ".csv",
							base + p.slug() + ".xlsx", base + p.slug()))
					.toList());
	}

	@PutMapping("/api/audits/{id}")
	AuditResponse edit(@PathVariable AuditEngagementId id, @RequestBody AuditRequest request, Authentication user) {
		return AuditResponse.of(audits.edit(id, request.draft(), request.version(), user.getName()));
	}

	@GetMapping("/api/audits/{id}/populations/{population}")
	PopulationResponse population(@PathVariable AuditEngagementId id, @PathVariable String population,
			Authentication user) {
		AuditEngagement audit = scope.get(id, user);
		var kind = PopulationDownloads.population(population);
		PopulationTable table = downloads.table(audit, kind);
		downloads.recordJson(audit, kind, table, user);
		return new PopulationResponse(kind.slug(), kind.label(), audit.getPeriodFrom(), audit.getPeriodTo(),
				table.header(), table.rows());
	}

	@GetMapping("/api/audits/{id}/populations/{population}.csv")
	ResponseEntity<StreamingResponseBody> csv(@PathVariable AuditEngagementId id, @PathVariable String population,
			Authentication user) {
		return downloads.download(scope.get(id, user), population, "csv", user);
	}

	@GetMapping("/api/audits/{id}/populations/{population}.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@PathVariable AuditEngagementId id, @PathVariable String population,
			Authentication user) {
		return downloads.download(scope.get(id, user), population, "xlsx", user);
	}

}
