package io.trunkguard.vendorreview.web;

import io.trunkguard.audit.AuditEntries;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.web.StoredFileResponses;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.questionnaire.QuestionnaireState;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.CallContent;
import io.trunkguard.vendor.CarrierDocument;
import io.trunkguard.vendor.CarrierStatus;
import io.trunkguard.vendor.Criticality;
import io.trunkguard.vendor.DataHandled;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.DocumentDraft;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.Transport;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.BoardRow;
import io.trunkguard.vendorreview.BoardState;
import io.trunkguard.vendorreview.CarrierReview;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.ConditionDraft;
import io.trunkguard.vendorreview.Decision;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The carrier board and the carrier page: the record, trunk endpoints and encryption
 * status, contracts with their clause, signed documents, SOC report reviews with their
 * coverage, questionnaires, the annual reviews with their current step, and the audit
 * entries. Compliance leads and admins act; auditors read.
 */
@Controller
class CarrierPages {

	/** Largest signed document or report accepted (a SOC report PDF can be large). */
	static final long MAX_DOCUMENT = 25L * 1024 * 1024;

	/**
	 * Carriers shown per board page (overdue first, so the first page holds what is
	 * late).
	 */
	static final int BOARD_PAGE = 100;

	private final VendorService vendors;

	private final CarrierRecords records;

	private final CarrierTrunks trunks;

	private final CarrierReviewService reviews;

	private final QuestionnaireService questionnaires;

	private final PersonService people;

	private final FileStore files;

	private final AuditEntries audit;

	CarrierPages(VendorService vendors, CarrierRecords records, CarrierTrunks trunks, CarrierReviewService reviews,
			QuestionnaireService questionnaires, PersonService people, FileStore files, AuditEntries audit) {
		this.vendors = vendors;
		this.records = records;
		this.trunks = trunks;
		this.reviews = reviews;
		this.questionnaires = questionnaires;
		this.people = people;
		this.files = files;
		this.audit = audit;
	}

	@GetMapping("/vendors/board")
	String board(@RequestParam(required = false) String sort, @RequestParam(required = false) BoardState state,
			@RequestParam(defaultValue = "1") int page, jakarta.servlet.http.HttpServletRequest request, Model model) {
		List<BoardRow> all = reviews.board();
		List<BoardRow> rows = new ArrayList<>(all);
		if (state != null) {
			rows.removeIf(r -> r.state() != state);
		}
		Comparator<BoardRow> order = switch (sort == null ? "" : sort) {
			case "name" -> Comparator.comparing(BoardRow::name, String.CASE_INSENSITIVE_ORDER);
			case "due" -> Comparator.comparing(BoardRow::dueOn);
			case "expiry" ->
				Comparator.comparing(BoardRow::nextExpiryOn, Comparator.nullsLast(Comparator.naturalOrder()));
			case "tier" -> Comparator.comparing(BoardRow::riskTier);
			default -> null;
		};
		if (order != null) {
			rows.sort(order);
		}
		Map<BoardState, Long> counts = new LinkedHashMap<>();
		for (BoardState s : BoardState.values()) {
			counts.put(s, all.stream().filter(r -> r.state() == s).count());
		}
		// a plain prefix, not a link expression per row: 2,000 links through the resource
		// URL encoder cost more than the board's queries
		model.addAttribute("carrierBase", request.getContextPath() + "/vendors/");
		// one page of rows at a time: counts and gaps are of every carrier in the filter
		int pages = Math.max(1, (rows.size() + BOARD_PAGE - 1) / BOARD_PAGE);
		int current = Math.min(Math.max(page, 1), pages);
		model.addAttribute("rows",
				rows.subList((current - 1) * BOARD_PAGE, Math.min(rows.size(), current * BOARD_PAGE)));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", rows.size());
		model.addAttribute("counts", counts);
		model.addAttribute("gaps", rows.stream().filter(BoardRow::coverageGap).count());
		model.addAttribute("states", BoardState.values());
		model.addAttribute("state", state);
		model.addAttribute("sort", sort);
		model.addAttribute("auditPeriod", records.auditPeriod());
		return "vendors/board";
	}

	@GetMapping("/vendors/{id}")
	String carrier(@PathVariable VendorId id, Model model) {
		Vendor vendor = vendors.get(id);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		model.addAttribute("vendor", vendor);
		model.addAttribute("owner", vendor.getOwnerId() == null ? null : people.get(vendor.getOwnerId()));
		model.addAttribute("endpoints", trunks.endpointsOf(id));
		model.addAttribute("encryption", trunks.encryptionStatus(id));
		model.addAttribute("contracts", records.contractsOf(id));
		model.addAttribute("documents", records.documentsOf(id));
		List<SocReport> reports = records.socReportsOf(id);
		model.addAttribute("reports", reports);
		Map<UUID, Object> coverage = new HashMap<>();
		reports.forEach(r -> coverage.put(r.getId(), records.coverage(r, today)));
		model.addAttribute("coverage", coverage);
		model.addAttribute("currentCoverage", records.coverage(id, today));
		model.addAttribute("auditPeriod", records.auditPeriod());
		List<Questionnaire> qs = questionnaires.ofVendor(id);
		model.addAttribute("questionnaires", qs);
		Map<UUID, QuestionnaireState> states = new HashMap<>();
		Map<UUID, Integer> deviations = new HashMap<>();
		qs.forEach(q -> {
			states.put(q.getId(), q.stateAt(java.time.Instant.now()));
			deviations.put(q.getId(), questionnaires.deviations(q).size());
		});
		model.addAttribute("questionnaireStates", states);
		model.addAttribute("deviations", deviations);
		List<CarrierReview> all = reviews.ofVendor(id);
		model.addAttribute("reviews", all);
		model.addAttribute("review", all.stream().filter(r -> r.getCompletedAt() == null).findFirst().orElse(null));
		model.addAttribute("dueOn", reviews.dueOn(id));
		model.addAttribute("conditions", reviews.conditionsOfVendor(id));
		model.addAttribute("carrierStatuses", CarrierStatus.values());
		model.addAttribute("defaultTemplateId", questionnaires.defaultTemplate().getId());
		model.addAttribute("templates", questionnaires.templatesToSend());
		model.addAttribute("dataHandled", DataHandled.values());
		model.addAttribute("callContents", CallContent.values());
		model.addAttribute("criticalities", Criticality.values());
		model.addAttribute("transports", Transport.values());
		model.addAttribute("signallingClauses", SignallingClause.values());
		model.addAttribute("mediaClauses", MediaClause.values());
		model.addAttribute("documentKinds",
				List.of(DocumentKind.DPA, DocumentKind.BAA, DocumentKind.CONTRACT, DocumentKind.OTHER));
		model.addAttribute("decisions", Decision.values());
		model.addAttribute("trail",
				audit.search(null, null, "Vendor", id.toString(), null, null, PageRequest.of(0, 30)).getContent());
		Map<String, StoredFile> stored = new HashMap<>();
		files.get(fileIds(id)).forEach(f -> stored.put(f.getId().toString(), f));
		model.addAttribute("files", stored);
		return "vendors/detail";
	}

	@PostMapping("/vendors/{id}/profile")
	String updateProfile(@PathVariable VendorId id, @RequestParam CarrierStatus status,
			@RequestParam(required = false) String headquartersCountry,
			@RequestParam(required = false) DataHandled dataHandled,
			@RequestParam(required = false) CallContent callContent,
			@RequestParam(required = false) Criticality criticality,
			@RequestParam(required = false) List<String> subName,
			@RequestParam(required = false) List<String> subPurpose,
			@RequestParam(required = false) List<String> subCountry, Authentication user, RedirectAttributes redirect) {
		try {
			vendors.updateProfile(id, CarrierProfiles.of(status, headquartersCountry, dataHandled, callContent,
					criticality, subName, subPurpose, subCountry), user.getName());
			redirect.addFlashAttribute("message", "The carrier's profile was saved.");
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("profileError", Refusals.sentence(refusal));
		}
		return "redirect:/vendors/" + id + "#profile";
	}

	@PostMapping("/vendors/{id}/endpoints")
	String addEndpoint(@PathVariable VendorId id, @RequestParam(required = false) String address,
			@RequestParam(required = false) String fqdn, @RequestParam(required = false) Integer port,
			@RequestParam Transport transport, @RequestParam(required = false) String fingerprints,
			@RequestParam(required = false) String label, Authentication user, RedirectAttributes redirect) {
		List<String> prints = fingerprints == null ? List.of()
				: Arrays.stream(fingerprints.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
		try {
			trunks.addEndpoint(id, new TrunkEndpointDraft(address, fqdn, port, transport, prints, label),
					user.getName());
			redirect.addFlashAttribute("message", "The trunk endpoint was added.");
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("endpointError", Refusals.sentence(refusal));
			redirect.addFlashAttribute("endpointInput",
					Map.of("address", nz(address), "fqdn", nz(fqdn), "port", port == null ? "" : port.toString(),
							"fingerprints", nz(fingerprints), "label", nz(label), "transport", transport.name()));
		}
		return "redirect:/vendors/" + id + "#endpoints";
	}

	@PostMapping("/vendors/{id}/endpoints/{endpointId}/remove")
	String removeEndpoint(@PathVariable VendorId id, @PathVariable UUID endpointId, Authentication user,
			RedirectAttributes redirect) {
		trunks.removeEndpoint(id, endpointId, user.getName());
		redirect.addFlashAttribute("message", "The trunk endpoint was removed.");
		return "redirect:/vendors/" + id + "#endpoints";
	}

	@PostMapping("/vendors/{id}/contracts")
	String addContract(@PathVariable VendorId id, @RequestParam String title, @RequestParam LocalDate startsOn,
			@RequestParam(required = false) LocalDate endsOn, @RequestParam(defaultValue = "0") int noticeDays,
			@RequestParam(defaultValue = "false") boolean autoRenews, @RequestParam SignallingClause signalling,
			@RequestParam MediaClause media, @RequestParam(required = false) MultipartFile file, Authentication user,
			RedirectAttributes redirect) {
		try {
			StoredFileId fileId = store(file, user);
			records.addContract(id,
					new ContractDraft(title, startsOn, endsOn, noticeDays, autoRenews, signalling, media), fileId,
					user.getName());
			redirect.addFlashAttribute("message", "The contract was added.");
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("contractError", Refusals.sentence(refusal));
		}
		return "redirect:/vendors/" + id + "#contracts";
	}

	@PostMapping("/vendors/{id}/documents")
	String addDocument(@PathVariable VendorId id, @RequestParam DocumentKind kind, @RequestParam String title,
			@RequestParam LocalDate validFrom, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) MultipartFile file, Authentication user, RedirectAttributes redirect) {
		try {
			StoredFileId fileId = store(file, user);
			if (fileId == null) {
				throw new io.trunkguard.shared.InvalidInputException("document.file-required",
						"attach the signed document");
			}
			records.addDocument(id, new DocumentDraft(kind, title, validFrom, validUntil), fileId, user.getName());
			redirect.addFlashAttribute("message", kind.label() + " \"" + title + "\" was added.");
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("documentError", Refusals.sentence(refusal));
		}
		return "redirect:/vendors/" + id + "#documents";
	}

	@PostMapping("/vendors/{id}/questionnaires")
	String sendQuestionnaire(@PathVariable VendorId id, @RequestParam String contact,
			@RequestParam(required = false) UUID templateId, Authentication user, RedirectAttributes redirect) {
		Vendor vendor = vendors.get(id);
		try {
			var chosen = vendor.getContacts()
				.stream()
				.filter(c -> c.email().equals(contact))
				.findFirst()
				.orElseThrow(() -> new io.trunkguard.shared.InvalidInputException("questionnaire.contact",
						"choose one of the carrier's contacts"));
			questionnaires.send(id, templateId, null, chosen.name(), chosen.email(), user.getName());
			redirect.addFlashAttribute("message",
					"The questionnaire was sent to " + chosen.name() + "; the link is in the outbox.");
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("questionnaireError", Refusals.sentence(refusal));
		}
		return "redirect:/vendors/" + id + "#questionnaires";
	}

	@PostMapping("/vendors/{id}/questionnaires/{questionnaireId}/resend")
	String resend(@PathVariable VendorId id, @PathVariable UUID questionnaireId, Authentication user,
			RedirectAttributes redirect) {
		return act(id, "#questionnaires", redirect, () -> {
			Questionnaire q = questionnaires.resend(questionnaireId, user.getName());
			return "A new link was sent to " + q.getContactName() + "; the previous link no longer opens it.";
		});
	}

	@PostMapping("/vendors/{id}/questionnaires/{questionnaireId}/revoke")
	String revoke(@PathVariable VendorId id, @PathVariable UUID questionnaireId, Authentication user,
			RedirectAttributes redirect) {
		return act(id, "#questionnaires", redirect, () -> {
			Questionnaire q = questionnaires.revoke(questionnaireId, user.getName());
			return "The link sent to " + q.getContactName() + " was revoked.";
		});
	}

	@PostMapping("/vendors/{id}/reviews")
	String startReview(@PathVariable VendorId id, Authentication user, RedirectAttributes redirect) {
		return act(id, "#review", redirect, () -> {
			reviews.start(id, user.getName());
			return "The annual review was started; the questionnaire goes to the first contact.";
		});
	}

	@PostMapping("/vendors/{id}/reviews/{reviewId}/questionnaire-expired")
	String expired(@PathVariable VendorId id, @PathVariable UUID reviewId, @RequestParam boolean resend,
			Authentication user, RedirectAttributes redirect) {
		return act(id, "#review", redirect, () -> {
			reviews.resolveExpiredQuestionnaire(reviewId, resend, user.getName());
			return resend ? "The questionnaire was sent again with a new link."
					: "The review continues without the questionnaire.";
		});
	}

	@PostMapping("/vendors/{id}/reviews/{reviewId}/decision")
	String decide(@PathVariable VendorId id, @PathVariable UUID reviewId, @RequestParam Decision decision,
			@RequestParam String rationale, @RequestParam(required = false) List<String> conditionText,
			@RequestParam(required = false) List<String> conditionOwner,
			@RequestParam(required = false) List<String> conditionDue, Authentication user,
			RedirectAttributes redirect) {
		return act(id, "#review", redirect, () -> {
			List<ConditionDraft> conditions = new ArrayList<>();
			if (conditionText != null) {
				for (int i = 0; i < conditionText.size(); i++) {
					if (conditionText.get(i) == null || conditionText.get(i).isBlank()) {
						continue;
					}
					String due = conditionDue == null || i >= conditionDue.size() ? "" : conditionDue.get(i);
					if (due.isBlank()) {
						throw new io.trunkguard.shared.InvalidInputException("condition.due",
								"give each condition a due date");
					}
					conditions.add(new ConditionDraft(conditionText.get(i).strip(),
							conditionOwner == null || i >= conditionOwner.size() || conditionOwner.get(i).isBlank()
									? user.getName() : conditionOwner.get(i).strip(),
							LocalDate.parse(due)));
				}
			}
			reviews.decide(reviewId, decision, rationale, conditions, user.getName());
			return "The review was decided: " + decision.label().toLowerCase()
					+ ". The record is being written and stored as evidence.";
		});
	}

	@PostMapping("/vendors/{id}/conditions/{conditionId}/close")
	String closeCondition(@PathVariable VendorId id, @PathVariable UUID conditionId, @RequestParam String note,
			Authentication user, RedirectAttributes redirect) {
		return act(id, "#conditions", redirect, () -> {
			reviews.closeCondition(conditionId, note, user.getName());
			return "The condition was closed.";
		});
	}

	@GetMapping("/vendors/{id}/files/{fileId}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable VendorId id, @PathVariable StoredFileId fileId) {
		vendors.get(id);
		if (!fileIds(id).contains(fileId)) {
			throw new NotFoundException("StoredFile", fileId);
		}
		return StoredFileResponses.attachment(files, files.get(fileId));
	}

	/**
	 * Every file on the carrier's record (documents, contracts, reports, answers, review
	 * records).
	 */
	private Set<StoredFileId> fileIds(VendorId id) {
		Set<StoredFileId> ids = new HashSet<>();
		records.documentsOf(id).stream().map(CarrierDocument::getFileId).forEach(ids::add);
		records.contractsOf(id).forEach(c -> ids.add(c.getFileId()));
		records.socReportsOf(id).forEach(r -> {
			ids.add(r.getReportFileId());
			ids.add(r.getBridgeFileId());
		});
		questionnaires.ofVendor(id).forEach(q -> q.answersByCode().values().forEach(a -> ids.add(a.fileId())));
		reviews.ofVendor(id).forEach(r -> ids.add(r.getRecordFileId()));
		ids.remove(null);
		return ids;
	}

	private StoredFileId store(MultipartFile file, Authentication user) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try (InputStream in = file.getInputStream()) {
			return files.store(in, FileUpload.document(file.getOriginalFilename(), user.getName(), MAX_DOCUMENT))
				.getId();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String act(VendorId id, String anchor, RedirectAttributes redirect,
			java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("message", action.get());
		}
		catch (RuntimeException refusal) {
			redirect.addFlashAttribute("error", Refusals.sentence(refusal));
		}
		return "redirect:/vendors/" + id + anchor;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
