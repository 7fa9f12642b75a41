package io.trunkguard.vendorreview;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.Answer;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.Vendor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Gathers what a review record shows, as text. */
final class ReviewRecordContent {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private ReviewRecordContent() {
	}

	static String time(Instant instant) {
		return instant == null ? "—" : TIME.format(instant);
	}

	static ReviewRecordData of(CarrierReview review, Vendor vendor, CarrierReviewService service,
			CarrierRecords records, QuestionnaireService questionnaires, PersonService people, FileStore files,
			CarrierReviewProperties properties, Clock clock) {
		String owner;
		try {
			owner = people.get(vendor.getOwnerId()).getFullName();
		}
		catch (NotFoundException e) {
			owner = "—";
		}
		String report = "No SOC report was reviewed.";
		List<String[]> facts = new ArrayList<>();
		List<String[]> exceptions = new ArrayList<>();
		List<String[]> cuecs = new ArrayList<>();
		List<String[]> subservices = new ArrayList<>();
		if (review.getSocReportId() != null) {
			SocReport r = records.socReport(review.getSocReportId());
			report = r.describe();
			facts.add(new String[] { "Report", r.describe() });
			facts.add(new String[] { "Trust services categories", String.join(", ", r.getCategories()) });
			facts.add(new String[] { "Issued on", r.getIssuedOn().toString() });
			facts.add(new String[] { "Service auditor", r.getAuditorFirm() });
			facts.add(new String[] { "Opinion",
					r.getOpinion().label() + (r.getQualification() == null ? "" : ": " + r.getQualification()) });
			facts.add(new String[] { "Bridge letter",
					r.hasBridgeLetter() ? r.getBridgeFrom() + " to " + r.getBridgeTo() : "None" });
			if (r.getReportFileId() != null) {
				facts.add(new String[] { "Report file SHA-256", files.get(r.getReportFileId()).getSha256() });
			}
			facts.add(new String[] { "Reviewed by", r.getReviewedBy() + " on " + time(r.getReviewedAt()) });
			r.getExceptions()
				.forEach(e -> exceptions.add(new String[] { e.controlRef(), e.description(),
						e.managementResponse() == null ? "—" : e.managementResponse(), e.assessment().label() }));
			r.getCuecs()
				.forEach(c -> cuecs.add(new String[] { c.description(), c.ourControl() == null ? "—" : c.ourControl(),
						c.owner() == null ? "—" : c.owner(), c.status().label() }));
			r.getSubservices()
				.forEach(
						s -> subservices.add(new String[] { s.name(), s.method().label(),
								s.method() == io.trunkguard.vendor.SocReportFacts.InclusionMethod.CARVE_OUT
										? (s.reportHeld() ? "Their report is held" : "Their report is NOT held")
										: "—" }));
		}
		String questionnaire = review.getQuestionnaireNote() == null ? "No questionnaire."
				: review.getQuestionnaireNote();
		List<String[]> deviations = new ArrayList<>();
		if (review.getQuestionnaireId() != null) {
			Questionnaire q = questionnaires.get(review.getQuestionnaireId());
			questionnaire = "Sent to " + q.getContactName() + " <" + q.getContactEmail() + "> on " + time(q.getSentAt())
					+ "; " + q.stateAt(clock.instant()).label().toLowerCase()
					+ (q.getSubmittedAt() == null ? "" : " on " + time(q.getSubmittedAt()))
					+ (review.getQuestionnaireNote() == null ? "" : ". " + review.getQuestionnaireNote());
			Map<String, Answer> answers = q.answersByCode();
			questionnaires.deviations(q)
				.forEach(t -> deviations.add(new String[] { t.code(), t.text(),
						answers.containsKey(t.code()) && answers.get(t.code()).value() != null
								? answers.get(t.code()).value() : "(no answer)",
						t.expectedAnswer() }));
		}
		List<String[]> documents = new ArrayList<>();
		records.documentsOf(vendor.getId())
			.forEach(d -> documents.add(new String[] { d.getKind().label(), d.getTitle(),
					d.getValidFrom() + " to " + (d.getValidUntil() == null ? "open" : d.getValidUntil()),
					d.getFileId() == null ? "—" : files.get(d.getFileId()).getSha256() }));
		String contract = records.contractInForce(vendor.getId(), LocalDateHolder.today(clock))
			.map(c -> c.getTitle() + ", " + c.getStartsOn() + " to " + (c.getEndsOn() == null ? "open" : c.getEndsOn())
					+ (c.isAutoRenews() ? " (renews automatically)" : "") + ", notice " + c.getNoticeDays() + " days. "
					+ c.describeClause() + ".")
			.orElse("No contract in force.");
		List<String[]> conditions = new ArrayList<>();
		service.conditionsOf(review.getId())
			.forEach(c -> conditions.add(new String[] { c.getText(), c.getOwner(), c.getDueOn().toString(),
					c.isOpen() ? "Open" : "Closed " + time(c.getClosedAt()) }));
		return new ReviewRecordData(review.getId().toString(), vendor.getName(), vendor.getRiskTier().name(), owner,
				vendor.getServices(), review.getStartedBy(), time(review.getStartedAt()),
				records.auditPeriod().toString(), report, facts, exceptions, cuecs, subservices,
				review.getCoverageSummary() == null ? "No coverage check." : review.getCoverageSummary(), questionnaire,
				deviations, documents, contract,
				review.getDocumentFindings() == null ? "—" : review.getDocumentFindings(),
				review.getEncryptionStatus() == null ? "—" : review.getEncryptionStatus(),
				review.getDecision() == null ? "—" : review.getDecision().label(), review.getRationale(),
				review.getDecidedBy(), time(review.getDecidedAt()), conditions, time(clock.instant()));
	}

	private static final class LocalDateHolder {

		static java.time.LocalDate today(Clock clock) {
			return java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC));
		}

	}

}
