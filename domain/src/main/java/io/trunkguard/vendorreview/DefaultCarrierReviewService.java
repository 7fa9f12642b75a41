package io.trunkguard.vendorreview;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.CarrierContract;
import io.trunkguard.vendor.CarrierDocument;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.ReportCoverage;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Service
@Validated
@Transactional
class DefaultCarrierReviewService implements CarrierReviewService {

	static final String SYSTEM = "system:carrier-review";

	private final CarrierReviews reviews;

	private final ReviewConditions conditions;

	private final VendorService vendors;

	private final CarrierRecords records;

	private final CarrierTrunks trunks;

	private final QuestionnaireService questionnaires;

	private final PersonService people;

	private final FileStore files;

	private final EvidenceService evidence;

	private final ObjectProvider<CarrierReviewTasks> tasks;

	private final ObjectProvider<ReviewRecordRenderer> renderer;

	private final CarrierReviewProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BoardQuery boardQuery;

	DefaultCarrierReviewService(BoardQuery boardQuery, CarrierReviews reviews, ReviewConditions conditions,
			VendorService vendors, CarrierRecords records, CarrierTrunks trunks, QuestionnaireService questionnaires,
			PersonService people, FileStore files, EvidenceService evidence, ObjectProvider<CarrierReviewTasks> tasks,
			ObjectProvider<ReviewRecordRenderer> renderer, CarrierReviewProperties properties,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.boardQuery = boardQuery;
		this.reviews = reviews;
		this.conditions = conditions;
		this.vendors = vendors;
		this.records = records;
		this.trunks = trunks;
		this.questionnaires = questionnaires;
		this.people = people;
		this.files = files;
		this.evidence = evidence;
		this.tasks = tasks;
		this.renderer = renderer;
		this.properties = properties;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public CarrierReview start(VendorId vendorId, String actor) {
		Vendor vendor = vendors.get(vendorId);
		if (inProgress(vendorId).isPresent()) {
			throw new InvalidStateException("carrier-review.running",
					"A review of " + vendor.getName() + " is already in progress.");
		}
		CarrierReview review = reviews.save(new CarrierReview(vendorId, dueOn(vendorId), actor, now()));
		event(review, vendor, CarrierReviewEvent.STARTED, "due on " + review.getDueOn(), actor);
		return review;
	}

	@Override
	@Transactional(readOnly = true)
	public CarrierReview get(UUID reviewId) {
		return reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("CarrierReview", reviewId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<CarrierReview> ofVendor(VendorId vendorId) {
		return reviews.findByVendorIdOrderByStartedAtDesc(vendorId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CarrierReview> inProgress(VendorId vendorId) {
		return reviews.findFirstByVendorIdAndStatus(vendorId, ReviewStatus.IN_PROGRESS);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewCondition> conditionsOf(UUID reviewId) {
		return conditions.findByReviewIdOrderByDueOn(reviewId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewCondition> conditionsOfVendor(VendorId vendorId) {
		return conditions.findByVendorIdOrderByDueOn(vendorId);
	}

	@Override
	@Transactional(readOnly = true)
	public LocalDate dueOn(VendorId vendorId) {
		Vendor vendor = vendors.get(vendorId);
		return reviews.findByVendorIdOrderByStartedAtDesc(vendorId)
			.stream()
			.filter(r -> r.getDecidedAt() != null)
			.max(Comparator.comparing(CarrierReview::getDecidedAt))
			.map(r -> dueAfter(r, vendor))
			.orElse(vendor.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate());
	}

	private LocalDate dueAfter(CarrierReview decided, Vendor vendor) {
		return decided.getNextDueOn() != null ? decided.getNextDueOn()
				: decided.getDecidedAt()
					.atZone(ZoneOffset.UTC)
					.toLocalDate()
					.plus(properties.cadenceOf(vendor.getRiskTier()));
	}

	@Override
	public Optional<Instant> sendQuestionnaire(UUID reviewId) {
		CarrierReview review = get(reviewId);
		Vendor vendor = vendors.get(review.getVendorId());
		if (vendor.getContacts().isEmpty()) {
			review.questionnaireSent(null,
					"No questionnaire was sent: " + vendor.getName() + " has no contact on record.");
			event(review, vendor, CarrierReviewEvent.QUESTIONNAIRE_SENT, review.getQuestionnaireNote(), SYSTEM);
			return Optional.empty();
		}
		VendorContact contact = vendor.getContacts().get(0);
		Questionnaire questionnaire = questionnaires.send(vendor.getId(), null, reviewId, contact.name(),
				contact.email(), review.getStartedBy());
		review.questionnaireSent(questionnaire.getId(), "Sent to " + contact.name() + " <" + contact.email() + ">.");
		event(review, vendor, CarrierReviewEvent.QUESTIONNAIRE_SENT, review.getQuestionnaireNote(), SYSTEM);
		return Optional.of(questionnaire.getExpiresAt());
	}

	@Override
	public void noteQuestionnaireExpired(UUID reviewId) {
		CarrierReview review = get(reviewId);
		review.questionnaireExpired();
		event(review, vendors.get(review.getVendorId()), CarrierReviewEvent.QUESTIONNAIRE_EXPIRED,
				"the questionnaire link expired before it was submitted", SYSTEM);
	}

	@Override
	public void resolveExpiredQuestionnaire(UUID reviewId, boolean resend, String actor) {
		CarrierReview review = get(reviewId);
		if (review.getStep() != ReviewStep.QUESTIONNAIRE_EXPIRED) {
			throw new InvalidStateException("carrier-review.wrong-step",
					"The review is at \"" + review.getStep().label() + "\", not waiting for an expired questionnaire.");
		}
		if (resend) {
			review.questionnaireResent();
		}
		else {
			review.continueToSocReport("The questionnaire expired unanswered; " + actor + " continued without it.");
			event(review, vendors.get(review.getVendorId()), CarrierReviewEvent.CONTINUED_WITHOUT_QUESTIONNAIRE,
					review.getQuestionnaireNote(), actor);
		}
		tasks.ifAvailable(t -> t.completeQuestionnaireExpired(reviewId, resend));
	}

	@Override
	public Instant resendQuestionnaire(UUID reviewId) {
		CarrierReview review = get(reviewId);
		Questionnaire questionnaire = questionnaires.resend(review.getQuestionnaireId(), review.getStartedBy());
		review.questionnaireResent();
		return questionnaire.getExpiresAt();
	}

	/** The process moves on once the questionnaire is submitted. */
	void questionnaireSubmitted(UUID reviewId) {
		CarrierReview review = get(reviewId);
		if (review.getStep() == ReviewStep.QUESTIONNAIRE) {
			review.continueToSocReport(null);
		}
	}

	@Override
	public CarrierReview reviewSocReport(UUID reviewId, UUID socReportId, String actor) {
		CarrierReview review = get(reviewId);
		SocReport report = records.socReport(socReportId);
		if (!report.getVendorId().equals(review.getVendorId())) {
			throw new InvalidStateException("carrier-review.other-carrier",
					"The SOC report belongs to another carrier.");
		}
		if (review.getStep() == ReviewStep.QUESTIONNAIRE) {
			// the lead may review the report while the contact still answers: the
			// questionnaire then counts as it stands
			throw new InvalidStateException("carrier-review.wrong-step",
					"The review still waits for the questionnaire; record the report after it is submitted or expired.");
		}
		ReportCoverage coverage = records.coverage(report, today());
		review.socReportReviewed(report.getId(), coverage.covered(), coverage.summary());
		event(review, vendors.get(review.getVendorId()), CarrierReviewEvent.SOC_REPORT_REVIEWED,
				report.describe() + "; " + coverage.summary(), actor);
		tasks.ifAvailable(t -> t.completeSocReportReview(reviewId));
		return review;
	}

	@Override
	public CarrierReview checkDocuments(UUID reviewId) {
		CarrierReview review = get(reviewId);
		Vendor vendor = vendors.get(review.getVendorId());
		LocalDate today = today();
		LocalDate yearAhead = today.plusYears(1);
		List<String> findings = new ArrayList<>();
		boolean ok = true;
		List<CarrierDocument> documents = records.documentsOf(vendor.getId());
		Optional<CarrierDocument> dpa = newest(documents, DocumentKind.DPA);
		if (dpa.isEmpty()) {
			ok = false;
			findings.add("No DPA is on record.");
		}
		else if (!dpa.get().validThroughout(today, yearAhead)) {
			ok = false;
			findings.add("The DPA \"" + dpa.get().getTitle() + "\" is not valid for the next year (valid until "
					+ dpa.get().getValidUntil() + ").");
		}
		else {
			findings.add("The DPA \"" + dpa.get().getTitle() + "\" is valid for the next year.");
		}
		Optional<CarrierDocument> baa = newest(documents, DocumentKind.BAA);
		if (baa.isPresent()) {
			boolean valid = baa.get().validThroughout(today, yearAhead);
			ok &= valid;
			findings.add("The BAA \"" + baa.get().getTitle() + "\" is " + (valid ? "" : "not ")
					+ "valid for the next year.");
		}
		Optional<CarrierContract> contract = records.contractInForce(vendor.getId(), today);
		if (contract.isEmpty()) {
			ok = false;
			findings.add("No contract is in force today.");
		}
		else {
			findings.add("The contract \"" + contract.get().getTitle() + "\" is in force.");
			if (!contract.get().statesEncryption()) {
				ok = false;
				findings.add("The contract states no encryption requirement.");
			}
			else {
				findings.add("Encryption clause: " + contract.get().describeClause() + ".");
			}
		}
		String encryption = trunks.encryptionStatus(vendor.getId()).describe();
		findings.add("Encryption status from captures: " + encryption + ".");
		review.documentsChecked(ok, String.join(" ", findings), encryption);
		event(review, vendor, CarrierReviewEvent.DOCUMENTS_CHECKED, review.getDocumentFindings(), SYSTEM);
		return review;
	}

	private static Optional<CarrierDocument> newest(List<CarrierDocument> documents, DocumentKind kind) {
		return documents.stream()
			.filter(d -> d.getKind() == kind)
			.max(Comparator.comparing(CarrierDocument::getValidFrom));
	}

	@Override
	public CarrierReview decide(UUID reviewId, Decision decision, String rationale, List<ConditionDraft> drafts,
			String actor) {
		CarrierReview review = get(reviewId);
		Vendor vendor = vendors.get(review.getVendorId());
		requireFourEyes(vendor, actor);
		if (decision == Decision.APPROVED_WITH_CONDITIONS && drafts.isEmpty()) {
			throw new io.trunkguard.shared.InvalidInputException("carrier-review.conditions-required",
					"An approval with conditions needs at least one condition.",
					Map.of("conditions", "at least one condition"));
		}
		if (decision != Decision.APPROVED_WITH_CONDITIONS && !drafts.isEmpty()) {
			throw new io.trunkguard.shared.InvalidInputException("carrier-review.conditions-not-allowed",
					"Only an approval with conditions takes conditions.", Map.of("conditions", "not allowed"));
		}
		review.decide(decision, rationale.strip(), actor, now());
		drafts.forEach(d -> conditions.save(new ReviewCondition(reviewId, vendor.getId(), d)));
		event(review, vendor, CarrierReviewEvent.DECIDED, decision.label() + ": " + review.getRationale()
				+ (drafts.isEmpty() ? "" : " (" + drafts.size() + " condition(s))"), actor);
		tasks.ifAvailable(t -> t.completeDecision(reviewId, decision));
		return review;
	}

	private void requireFourEyes(Vendor vendor, String actor) {
		if (!properties.fourEyes()) {
			return;
		}
		String ownerUsername;
		try {
			ownerUsername = people.get(vendor.getOwnerId()).getUsername();
		}
		catch (NotFoundException e) {
			return;
		}
		boolean anotherLead = properties.complianceLeads().stream().anyMatch(l -> !l.equals(actor));
		if (actor.equals(ownerUsername) && anotherLead) {
			throw new InvalidStateException("carrier-review.four-eyes",
					actor + " owns " + vendor.getName() + ": another compliance lead must decide its review.");
		}
	}

	@Override
	public void notifyRejection(UUID reviewId) {
		CarrierReview review = get(reviewId);
		Vendor vendor = vendors.get(review.getVendorId());
		String owner = people.get(vendor.getOwnerId()).getFullName();
		event(review, vendor, CarrierReviewEvent.REJECTION_NOTIFIED,
				"the owner " + owner + " was told that " + vendor.getName() + " was rejected", SYSTEM);
	}

	@Override
	public CarrierReview writeRecord(UUID reviewId) {
		CarrierReview review = get(reviewId);
		Vendor vendor = vendors.get(review.getVendorId());
		ReviewRecordRenderer pdf = renderer.getIfAvailable();
		if (pdf == null) {
			throw new IllegalStateException("no ReviewRecordRenderer: the reports module is not on the class path");
		}
		byte[] content = pdf.render(ReviewRecordContent.of(review, vendor, this, records, questionnaires, people, files,
				properties, clock));
		LocalDate decided = review.getDecidedAt().atZone(ZoneOffset.UTC).toLocalDate();
		String name = "carrier-review-" + slug(vendor.getName()) + "-" + decided + ".pdf";
		StoredFile file = files.store(content, FileUpload.of(name, SYSTEM, 50L * 1024 * 1024));
		evidence.record(file.getId(),
				new EvidenceDraft("Annual review of " + vendor.getName() + ": " + review.getDecision().label(),
						List.of("CC9.2"), decided, decided, "CarrierReview", reviewId.toString()),
				SYSTEM);
		review.recordWritten(file.getId());
		event(review, vendor, CarrierReviewEvent.RECORD_STORED, name + " (SHA-256 " + file.getSha256() + ")", SYSTEM);
		return review;
	}

	private static String slug(String name) {
		return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	@Override
	public CarrierReview complete(UUID reviewId) {
		CarrierReview review = get(reviewId);
		Vendor vendor = vendors.get(review.getVendorId());
		LocalDate next = review.getDecidedAt()
			.atZone(ZoneOffset.UTC)
			.toLocalDate()
			.plus(properties.cadenceOf(vendor.getRiskTier()));
		review.complete(next, now());
		event(review, vendor, CarrierReviewEvent.COMPLETED, "next review due on " + next, SYSTEM);
		return review;
	}

	@Override
	public ReviewCondition closeCondition(UUID conditionId, String note, String actor) {
		ReviewCondition condition = conditions.findById(conditionId)
			.orElseThrow(() -> new NotFoundException("ReviewCondition", conditionId));
		condition.close(note.strip(), actor, now());
		CarrierReview review = get(condition.getReviewId());
		event(review, vendors.get(review.getVendorId()), CarrierReviewEvent.CONDITION_CLOSED,
				"\"" + condition.getText() + "\": " + condition.getClosingNote(), actor);
		return condition;
	}

	@Override
	public int startDueReviews() {
		LocalDate horizon = today().plusDays(properties.dueSoonDays());
		int started = 0;
		for (Vendor vendor : vendors.all()) {
			if (inProgress(vendor.getId()).isEmpty() && !dueOn(vendor.getId()).isAfter(horizon)) {
				start(vendor.getId(), "system:carrier-review-schedule");
				started++;
			}
		}
		return started;
	}

	@Override
	public CarrierReview recordPastReview(VendorId vendorId, LocalDate decidedOn, Decision decision, String rationale,
			List<ConditionDraft> drafts, String decidedBy, String actor) {
		Vendor vendor = vendors.get(vendorId);
		if (!decidedOn.isBefore(today())) {
			throw new io.trunkguard.shared.InvalidInputException("carrier-review.past-date",
					"A past review must have been decided before today.", Map.of("decidedOn", "not in the past"));
		}
		CarrierReview review = reviews
			.save(CarrierReview.past(vendorId, decidedOn.atStartOfDay(ZoneOffset.UTC).toInstant(), decision, rationale,
					decidedBy, decidedOn.plus(properties.cadenceOf(vendor.getRiskTier())), actor, now()));
		drafts.forEach(d -> conditions.save(new ReviewCondition(review.getId(), vendorId, d)));
		event(review, vendor, "CARRIER_REVIEW_IMPORTED",
				decision.label() + " on " + decidedOn + " by " + decidedBy + ": " + rationale, actor);
		return review;
	}

	@Override
	@Transactional(readOnly = true)
	public List<BoardRow> board() {
		List<BoardRow> rows = new ArrayList<>(boardQuery.rows(today(), now(), records.auditPeriod(),
				properties.dueSoonDays(), properties::cadenceOf));
		rows.sort(Comparator.comparing(BoardRow::state)
			.thenComparing(BoardRow::dueOn)
			.thenComparing(BoardRow::name, String.CASE_INSENSITIVE_ORDER));
		return rows;
	}

	private void event(CarrierReview review, Vendor vendor, String action, String detail, String actor) {
		reviews.save(review);
		events.publishEvent(
				new CarrierReviewEvent(review.getId(), vendor.getId(), vendor.getName(), action, detail, actor, now()));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
