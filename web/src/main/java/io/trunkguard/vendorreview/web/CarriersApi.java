package io.trunkguard.vendorreview.web;

import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.vendor.CarrierContract;
import io.trunkguard.vendor.CarrierDocument;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.Cuec;
import io.trunkguard.vendor.EncryptionState;
import io.trunkguard.vendor.ReportCoverage;
import io.trunkguard.vendor.SocException;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.SocReportDraft;
import io.trunkguard.vendor.Subservice;
import io.trunkguard.vendor.TrunkEndpoint;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.BoardRow;
import io.trunkguard.vendorreview.CarrierReview;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.ConditionDraft;
import io.trunkguard.vendorreview.Decision;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The carrier record's REST API under {@code /api/vendors}: the board, trunk endpoints
 * and encryption status, contracts, documents, SOC report reviews with their coverage,
 * questionnaires and annual reviews. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/vendors")
class CarriersApi {

	record EndpointResponse(String id, String address, String fqdn, Integer port, String transport,
			List<String> fingerprints, String label, String description) {

		static EndpointResponse of(TrunkEndpoint e) {
			return new EndpointResponse(e.getId().toString(), e.getAddress(), e.getFqdn(), e.getPort(),
					e.getTransport().name(), e.getFingerprints(), e.getLabel(), e.describe());
		}
	}

	record ContractResponse(String id, String title, LocalDate startsOn, LocalDate endsOn, int noticeDays,
			boolean autoRenews, String signalling, String media, String clause, String fileId) {

		static ContractResponse of(CarrierContract c) {
			return new ContractResponse(c.getId().toString(), c.getTitle(), c.getStartsOn(), c.getEndsOn(),
					c.getNoticeDays(), c.isAutoRenews(), c.getSignalling().name(), c.getMedia().name(),
					c.describeClause(), c.getFileId() == null ? null : c.getFileId().toString());
		}
	}

	record DocumentResponse(String id, String kind, String title, LocalDate validFrom, LocalDate validUntil,
			String fileId) {

		static DocumentResponse of(CarrierDocument d) {
			return new DocumentResponse(d.getId().toString(), d.getKind().name(), d.getTitle(), d.getValidFrom(),
					d.getValidUntil(), d.getFileId() == null ? null : d.getFileId().toString());
		}
	}

	record SocReportResponse(String id, String socType, String reportType, List<String> categories,
			LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn, String auditorFirm, String opinion,
			String qualification, List<SocException> exceptions, List<Cuec> cuecs, List<Subservice> subservices,
			LocalDate bridgeFrom, LocalDate bridgeTo, String reviewedBy, Instant reviewedAt, ReportCoverage coverage) {

		static SocReportResponse of(SocReport r, ReportCoverage coverage) {
			return new SocReportResponse(r.getId().toString(), r.getSocType().name(), r.getReportType().name(),
					r.getCategories(), r.getPeriodStart(), r.getPeriodEnd(), r.getIssuedOn(), r.getAuditorFirm(),
					r.getOpinion().name(), r.getQualification(), r.getExceptions(), r.getCuecs(), r.getSubservices(),
					r.getBridgeFrom(), r.getBridgeTo(), r.getReviewedBy(), r.getReviewedAt(), coverage);
		}
	}

	/** To whom; {@code templateId} null sends the default voice-carrier template. */
	record QuestionnaireRequest(String contactName, String contactEmail, UUID templateId) {
	}

	record QuestionnaireResponse(String id, String contactName, String contactEmail, String state, Instant sentAt,
			Instant expiresAt, Instant submittedAt, int linksIssued) {

		static QuestionnaireResponse of(Questionnaire q) {
			return new QuestionnaireResponse(q.getId().toString(), q.getContactName(), q.getContactEmail(),
					q.stateAt(Instant.now()).name(), q.getSentAt(), q.getExpiresAt(), q.getSubmittedAt(),
					q.getLinksIssued());
		}
	}

	record ReviewResponse(String id, String status, String step, String startedBy, Instant startedAt, LocalDate dueOn,
			String questionnaireId, String socReportId, String coverage, Boolean documentsOk, String documentFindings,
			String decision, String rationale, String decidedBy, Instant decidedAt, String recordFileId,
			LocalDate nextDueOn) {

		static ReviewResponse of(CarrierReview r) {
			return new ReviewResponse(r.getId().toString(), r.getStatus().name(), r.getStep().name(), r.getStartedBy(),
					r.getStartedAt(), r.getDueOn(), str(r.getQuestionnaireId()), str(r.getSocReportId()),
					r.getCoverageSummary(), r.getDocumentsOk(), r.getDocumentFindings(),
					r.getDecision() == null ? null : r.getDecision().name(), r.getRationale(), r.getDecidedBy(),
					r.getDecidedAt(), str(r.getRecordFileId()), r.getNextDueOn());
		}

		private static String str(Object o) {
			return o == null ? null : o.toString();
		}
	}

	record DecisionRequest(Decision decision, String rationale, List<ConditionDraft> conditions) {
	}

	private final VendorService vendors;

	private final CarrierRecords records;

	private final CarrierTrunks trunks;

	private final QuestionnaireService questionnaires;

	private final CarrierReviewService reviews;

	CarriersApi(VendorService vendors, CarrierRecords records, CarrierTrunks trunks,
			QuestionnaireService questionnaires, CarrierReviewService reviews) {
		this.vendors = vendors;
		this.records = records;
		this.trunks = trunks;
		this.questionnaires = questionnaires;
		this.reviews = reviews;
	}

	@GetMapping("/board")
	List<BoardRow> board() {
		return reviews.board();
	}

	@GetMapping("/{id}/endpoints")
	List<EndpointResponse> endpoints(@PathVariable VendorId id) {
		vendors.get(id);
		return trunks.endpointsOf(id).stream().map(EndpointResponse::of).toList();
	}

	@PostMapping("/{id}/endpoints")
	ResponseEntity<EndpointResponse> addEndpoint(@PathVariable VendorId id, @RequestBody TrunkEndpointDraft draft,
			Authentication user) {
		EndpointResponse created = EndpointResponse.of(trunks.addEndpoint(id, draft, user.getName()));
		return ResponseEntity.created(URI.create("/api/vendors/" + id + "/endpoints/" + created.id())).body(created);
	}

	@DeleteMapping("/{id}/endpoints/{endpointId}")
	ResponseEntity<Void> removeEndpoint(@PathVariable VendorId id, @PathVariable UUID endpointId, Authentication user) {
		trunks.removeEndpoint(id, endpointId, user.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/encryption")
	EncryptionState encryption(@PathVariable VendorId id) {
		return trunks.encryptionStatus(id);
	}

	@GetMapping("/{id}/contracts")
	List<ContractResponse> contracts(@PathVariable VendorId id) {
		vendors.get(id);
		return records.contractsOf(id).stream().map(ContractResponse::of).toList();
	}

	@PostMapping("/{id}/contracts")
	ResponseEntity<ContractResponse> addContract(@PathVariable VendorId id, @RequestBody ContractDraft draft,
			Authentication user) {
		ContractResponse created = ContractResponse.of(records.addContract(id, draft, null, user.getName()));
		return ResponseEntity.created(URI.create("/api/vendors/" + id + "/contracts")).body(created);
	}

	@GetMapping("/{id}/documents")
	List<DocumentResponse> documents(@PathVariable VendorId id) {
		vendors.get(id);
		return records.documentsOf(id).stream().map(DocumentResponse::of).toList();
	}

	@GetMapping("/{id}/soc-reports")
	List<SocReportResponse> socReports(@PathVariable VendorId id) {
		vendors.get(id);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return records.socReportsOf(id).stream().map(r -> SocReportResponse.of(r, records.coverage(r, today))).toList();
	}

	@PostMapping("/{id}/soc-reports")
	ResponseEntity<SocReportResponse> recordSocReport(@PathVariable VendorId id, @RequestBody SocReportDraft draft,
			Authentication user) {
		SocReport report = records.recordSocReport(id, draft, null, null, user.getName());
		return ResponseEntity.created(URI.create("/api/vendors/" + id + "/soc-reports"))
			.body(SocReportResponse.of(report, records.coverage(report, LocalDate.now(ZoneOffset.UTC))));
	}

	@GetMapping("/{id}/coverage")
	ReportCoverage coverage(@PathVariable VendorId id) {
		vendors.get(id);
		return records.coverage(id, LocalDate.now(ZoneOffset.UTC));
	}

	@GetMapping("/{id}/questionnaires")
	List<QuestionnaireResponse> questionnaires(@PathVariable VendorId id) {
		vendors.get(id);
		return questionnaires.ofVendor(id).stream().map(QuestionnaireResponse::of).toList();
	}

	@PostMapping("/{id}/questionnaires")
	ResponseEntity<QuestionnaireResponse> send(@PathVariable VendorId id, @RequestBody QuestionnaireRequest request,
			Authentication user) {
		QuestionnaireResponse sent = QuestionnaireResponse.of(questionnaires.send(id, request.templateId(), null,
				request.contactName(), request.contactEmail(), user.getName()));
		return ResponseEntity.created(URI.create("/api/vendors/" + id + "/questionnaires")).body(sent);
	}

	@PostMapping("/{id}/questionnaires/{questionnaireId}/resend")
	QuestionnaireResponse resend(@PathVariable VendorId id, @PathVariable UUID questionnaireId, Authentication user) {
		return QuestionnaireResponse.of(questionnaires.resend(owned(id, questionnaireId), user.getName()));
	}

	@PostMapping("/{id}/questionnaires/{questionnaireId}/revoke")
	QuestionnaireResponse revoke(@PathVariable VendorId id, @PathVariable UUID questionnaireId, Authentication user) {
		return QuestionnaireResponse.of(questionnaires.revoke(owned(id, questionnaireId), user.getName()));
	}

	private UUID owned(VendorId id, UUID questionnaireId) {
		if (!questionnaires.get(questionnaireId).getVendorId().equals(id)) {
			throw new io.trunkguard.shared.NotFoundException("Questionnaire", questionnaireId);
		}
		return questionnaireId;
	}

	@GetMapping("/{id}/reviews")
	List<ReviewResponse> reviews(@PathVariable VendorId id) {
		vendors.get(id);
		return reviews.ofVendor(id).stream().map(ReviewResponse::of).toList();
	}

	@PostMapping("/{id}/reviews")
	ResponseEntity<ReviewResponse> startReview(@PathVariable VendorId id, Authentication user) {
		ReviewResponse started = ReviewResponse.of(reviews.start(id, user.getName()));
		return ResponseEntity.created(URI.create("/api/vendors/" + id + "/reviews")).body(started);
	}

	@PostMapping("/{id}/reviews/{reviewId}/decision")
	ReviewResponse decide(@PathVariable VendorId id, @PathVariable UUID reviewId, @RequestBody DecisionRequest request,
			Authentication user) {
		if (!reviews.get(reviewId).getVendorId().equals(id)) {
			throw new io.trunkguard.shared.NotFoundException("CarrierReview", reviewId);
		}
		return ReviewResponse.of(reviews.decide(reviewId, request.decision(), request.rationale(),
				request.conditions() == null ? List.of() : request.conditions(), user.getName()));
	}

}
