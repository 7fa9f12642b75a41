package io.trunkguard.vendorreview;

import io.trunkguard.TestData;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireLinkIssued;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.questionnaire.QuestionnaireState;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.Cuec;
import io.trunkguard.vendor.DocumentDraft;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.SocException;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.SocReportDraft;
import io.trunkguard.vendor.SocReportFacts;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Questionnaires and annual reviews against a real database (H2 and PostgreSQL), the
 * process's steps called as its delegates would.
 */
@Import(CarrierReviewIntegrationTests.Links.class)
abstract class CarrierReviewIntegrationTests {

	/** Catches the tokens on their way to the outbox, as the contact's mail would. */
	@TestConfiguration
	static class Links {

		final List<QuestionnaireLinkIssued> issued = new ArrayList<>();

		@EventListener
		void on(QuestionnaireLinkIssued link) {
			issued.add(link);
		}

		/**
		 * A renderer writing the record's text, so the record's content can be checked.
		 */
		@Bean
		ReviewRecordRenderer textRenderer() {
			return data -> ("%PDF-1.4\n" + data.carrierName() + "\n" + data.decision() + "\n" + data.coverage() + "\n"
					+ data.exceptions().size() + " exceptions\n" + data.deviations().size() + " deviations")
				.getBytes(StandardCharsets.UTF_8);
		}

	}

	@Autowired
	Links links;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierRecords records;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	CarrierReviewService reviews;

	@Autowired
	FileStore files;

	@Autowired
	EvidenceService evidence;

	@Autowired
	AuditEntries audit;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	io.trunkguard.notification.Outbox outbox;

	Vendor carrier(String ownerUsername) {
		Person owner = people.register(TestData.employee("Olga Owner", null), "admin");
		return vendors
			.register(
					new VendorDetails(TestData.unique("Carrier"), "SIP trunking", RiskTier.HIGH, owner.getId(),
							List.of(new VendorContact("Cora Contact", "cora@carrier.example", null))),
					"compliance-lead");
	}

	String lastToken() {
		return links.issued.get(links.issued.size() - 1).token();
	}

	@Test
	void aContactAnswersThroughTheLinkSavesComesBackAndSubmitsOnce() {
		Vendor vendor = carrier(null);
		Questionnaire q = questionnaires.send(vendor.getId(), null, null, "Cora Contact", "cora@carrier.example",
				"compliance-lead");
		String token = lastToken();

		assertThat(token).hasSize(43);
		assertThat(questionnaires.open(token, "198.51.100.4")).hasValueSatisfying(view -> {
			assertThat(view.readOnly()).isFalse();
			assertThat(view.vendorName()).isEqualTo(vendor.getName());
			assertThat(view.template().getQuestions()).hasSizeGreaterThan(20);
		});
		questionnaires.save(token, Map.of("ENC-1", "Yes", "ACC-1", "No"), "198.51.100.4");
		assertThat(questionnaires.get(q.getId()).stateAt(java.time.Instant.now()))
			.isEqualTo(QuestionnaireState.IN_PROGRESS);
		questionnaires.submit(token, Map.of("ENC-2", "TLS 1.2"), "198.51.100.5");

		Questionnaire submitted = questionnaires.get(q.getId());
		assertThat(submitted.answersByCode()).containsKeys("ENC-1", "ACC-1", "ENC-2");
		assertThat(questionnaires.deviations(submitted)).extracting(t -> t.code()).contains("ACC-1");
		assertThat(questionnaires.open(token, "198.51.100.4"))
			.hasValueSatisfying(v -> assertThat(v.readOnly()).isTrue());
		assertThatThrownBy(() -> questionnaires.submit(token, Map.of(), "198.51.100.4"))
			.isInstanceOf(NotFoundException.class);
		assertThat(audit.search(null, "QUESTIONNAIRE_SUBMITTED", "Questionnaire", q.getId().toString(), null, null,
				PageRequest.of(0, 1)))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.getDetails()).contains("198.51.100.5");
				assertThat(e.getDetails()).doesNotContain(token);
			});
	}

	@Test
	void aNewLinkRevokesTheOldAndARevokedOrMalformedLinkOpensNothing() {
		Vendor vendor = carrier(null);
		Questionnaire q = questionnaires.send(vendor.getId(), null, null, "Cora", "cora@carrier.example", "lead");
		String first = lastToken();
		questionnaires.resend(q.getId(), "lead");
		String second = lastToken();

		assertThat(second).isNotEqualTo(first);
		assertThat(questionnaires.open(first, "203.0.113.1")).isEmpty();
		assertThat(questionnaires.open(second, "203.0.113.1")).isPresent();
		assertThat(questionnaires.open(second.substring(0, 42), "203.0.113.1")).isEmpty();
		assertThat(questionnaires.open(second + "A", "203.0.113.1")).isEmpty();
		assertThat(questionnaires.open(null, "203.0.113.1")).isEmpty();
		questionnaires.revoke(q.getId(), "lead");
		assertThat(questionnaires.open(second, "203.0.113.1")).isEmpty();
		assertThatThrownBy(() -> questionnaires.save(second, Map.of("ENC-1", "Yes"), "203.0.113.1"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aReviewGoesFromQuestionnaireToADecisionWithConditionsAndStoresItsRecordAsEvidence() {
		Vendor vendor = carrier(null);
		StoredFile dpa = files.store(("%PDF-1.4 dpa " + vendor.getId()).getBytes(StandardCharsets.US_ASCII),
				FileUpload.document("dpa.pdf", "compliance-lead", 10_000));
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		records.addDocument(vendor.getId(),
				new DocumentDraft(DocumentKind.DPA, "DPA 2026", today.minusYears(1), today.plusYears(2)), dpa.getId(),
				"compliance-lead");
		records.addContract(vendor.getId(), new ContractDraft("Master services agreement", today.minusYears(2), null,
				90, true, SignallingClause.TLS_1_2, MediaClause.SRTP), null, "compliance-lead");

		CarrierReview review = reviews.start(vendor.getId(), "compliance-lead");
		assertThatThrownBy(() -> reviews.start(vendor.getId(), "compliance-lead"))
			.isInstanceOf(InvalidStateException.class);
		assertThat(reviews.sendQuestionnaire(review.getId())).isPresent();
		String token = lastToken();
		questionnaires.submit(token, Map.of("ENC-1", "Yes", "ENC-4", "Yes"), "192.0.2.7");
		assertThat(reviews.get(review.getId()).getStep()).isEqualTo(ReviewStep.SOC_REPORT_REVIEW);

		SocReport report = records.recordSocReport(vendor.getId(), new SocReportDraft(SocReportFacts.SocType.SOC_2,
				SocReportFacts.ReportType.TYPE_II, List.of("Security", "Availability"), today.minusMonths(14),
				today.minusMonths(2), today.minusMonths(1), "Example Assurance LLP", SocReportFacts.Opinion.QUALIFIED,
				"Access reviews were not performed for Q3.",
				List.of(new SocException("CC6.2", "Quarterly access review missed", "Done since",
						SocReportFacts.ExceptionAssessment.FOLLOW_UP)),
				List.of(new Cuec("Customers restrict portal access to their IP ranges", "CC6.1 portal allow-list",
						"compliance-lead", SocReportFacts.CuecStatus.COVERED)),
				List.of(), null, null), null, null, "compliance-lead");
		reviews.reviewSocReport(review.getId(), report.getId(), "compliance-lead");
		CarrierReview checked = reviews.checkDocuments(review.getId());
		assertThat(checked.getDocumentsOk()).isTrue();
		assertThat(checked.getDocumentFindings()).contains("DPA 2026", "Signalling: TLS 1.2 or newer; media: SRTP",
				"No capture analysed");

		assertThatThrownBy(() -> reviews.decide(review.getId(), Decision.APPROVED_WITH_CONDITIONS, "ok", List.of(),
				"compliance-lead"))
			.hasMessage("An approval with conditions needs at least one condition.");
		reviews.decide(review.getId(), Decision.APPROVED_WITH_CONDITIONS, "Qualified opinion on access reviews.", List
			.of(new ConditionDraft("Send evidence of the Q4 access review", "compliance-lead", today.plusMonths(2))),
				"compliance-lead");
		CarrierReview written = reviews.writeRecord(review.getId());
		CarrierReview done = reviews.complete(review.getId());

		assertThat(done.getStatus()).isEqualTo(ReviewStatus.APPROVED_WITH_CONDITIONS);
		assertThat(done.getNextDueOn()).isEqualTo(today.plusYears(1));
		StoredFile record = files.get(written.getRecordFileId());
		assertThat(record.getContentType()).isEqualTo("application/pdf");
		assertThat(evidence.about("CarrierReview", review.getId().toString())).singleElement()
			.satisfies(e -> assertThat(e.getControls()).containsExactly("CC9.2"));
		assertThat(reviews.conditionsOf(review.getId())).singleElement()
			.satisfies(c -> assertThat(c.isOpen()).isTrue());
		assertThat(reviews.board()).filteredOn(r -> r.vendorId().equals(vendor.getId().toString()))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.state()).isEqualTo(BoardState.UP_TO_DATE);
				assertThat(row.openConditions()).isEqualTo(1);
				assertThat(row.questionnaire()).isEqualTo("Submitted");
				assertThat(row.encryption()).isEqualTo("No capture analysed");
			});
		assertThat(
				audit.search(null, null, "CarrierReview", review.getId().toString(), null, null, PageRequest.of(0, 50)))
			.extracting(e -> e.getAction())
			.contains("CARRIER_REVIEW_STARTED", "CARRIER_REVIEW_QUESTIONNAIRE_SENT",
					"CARRIER_REVIEW_SOC_REPORT_REVIEWED", "CARRIER_REVIEW_DOCUMENTS_CHECKED", "CARRIER_REVIEW_DECIDED",
					"CARRIER_REVIEW_RECORD_STORED", "CARRIER_REVIEW_COMPLETED");
	}

	@Test
	void theOwnerOfACarrierCannotDecideItsReviewWhileAnotherLeadExists() {
		Person owner = people.register(TestData.employee("Lena Lead", null), "admin");
		Vendor vendor = vendors.register(
				new VendorDetails(TestData.unique("Carrier"), "SMS", RiskTier.LOW, owner.getId(), List.of()),
				"compliance-lead");
		CarrierReview review = reviews.start(vendor.getId(), "compliance-lead");
		assertThat(reviews.sendQuestionnaire(review.getId())).isEmpty();
		assertThat(reviews.get(review.getId()).getStep()).isEqualTo(ReviewStep.SOC_REPORT_REVIEW);
		reviews.checkDocuments(review.getId());

		assertThatThrownBy(
				() -> reviews.decide(review.getId(), Decision.APPROVED, "fine", List.of(), owner.getUsername()))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("another compliance lead must decide");
	}

	@Test
	void remindsTheContactSevenAndTwoDaysBeforeTheLinkExpiresOnceEach() {
		Vendor vendor = carrier(null);
		Questionnaire q = questionnaires.send(vendor.getId(), null, null, "Rita Remind", "rita@carrier.example",
				"compliance-lead");
		questionnaires.remindBeforeExpiry();
		java.util.function.LongSupplier reminders = () -> outbox
			.search(new io.trunkguard.notification.OutboxFilter(null,
					io.trunkguard.notification.MessageKind.QUESTIONNAIRE_REMINDER), PageRequest.of(0, 500))
			.getContent()
			.stream()
			.filter(m -> m.getReferenceId().equals(q.getId().toString()))
			.count();
		assertThat(reminders.getAsLong()).isZero();

		jdbc.update("update questionnaire set expires_at = ? where id = ?",
				java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(6))), q.getId());
		questionnaires.remindBeforeExpiry();
		questionnaires.remindBeforeExpiry();
		assertThat(reminders.getAsLong()).isEqualTo(1);

		jdbc.update("update questionnaire set expires_at = ? where id = ?",
				java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofHours(30))), q.getId());
		questionnaires.remindBeforeExpiry();
		questionnaires.remindBeforeExpiry();
		assertThat(reminders.getAsLong()).isEqualTo(2);
		assertThat(outbox
			.search(new io.trunkguard.notification.OutboxFilter(null,
					io.trunkguard.notification.MessageKind.QUESTIONNAIRE_REMINDER), PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.getBody()).contains("works until").doesNotContain("/q/");
	}

}
