package io.trunkguard.vendorreview;

import io.trunkguard.TestData;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.DocumentDraft;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily watch run for chosen dates against a real database: reminders 60, 30 and 7
 * days before a document ends, each once, also when two runs race; overdue conditions
 * escalated once, through the outbox and the audit trail.
 */
abstract class CarrierWatchIntegrationTests {

	@Autowired
	CarrierWatch watch;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierRecords records;

	@Autowired
	CarrierReviewService reviews;

	@Autowired
	FileStore files;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void remindsSixtyThirtyAndSevenDaysBeforeADocumentEndsOnceEach() {
		Vendor carrier = carrier("Expiring");
		LocalDate dpaEnds = LocalDate.of(2031, 6, 30);
		records.addDocument(carrier.getId(),
				new DocumentDraft(DocumentKind.DPA, "Data processing agreement", LocalDate.of(2029, 7, 1), dpaEnds),
				files.store("dpa".getBytes(StandardCharsets.UTF_8), FileUpload.of("dpa.pdf", "compliance-lead", 1000))
					.getId(),
				"compliance-lead");

		assertThat(watch.remindExpiringDocuments(dpaEnds.minusDays(61))).isZero();
		assertThat(watch.remindExpiringDocuments(dpaEnds.minusDays(60))).isEqualTo(1);
		assertThat(watch.remindExpiringDocuments(dpaEnds.minusDays(59))).isZero();
		assertThat(watch.remindExpiringDocuments(dpaEnds.minusDays(60))).isZero();
		// a run missed between 30 and 20 days before: one reminder for the bracket
		assertThat(watch.remindExpiringDocuments(dpaEnds.minusDays(20))).isEqualTo(1);
		assertThat(watch.remindExpiringDocuments(dpaEnds.minusDays(7))).isEqualTo(1);
		assertThat(watch.remindExpiringDocuments(dpaEnds)).isZero();
		assertThat(watch.remindExpiringDocuments(dpaEnds.plusDays(1))).isZero();

		List<String> subjects = jdbc.queryForList(
				"select subject from outbox_message where kind = 'CARRIER_DOCUMENT_EXPIRING' and reference_id = ? order by created_at",
				String.class, carrier.getId().toString());
		assertThat(subjects).hasSize(3 * recipientsPerReminder(carrier));
		assertThat(subjects.get(0)).isEqualTo("Data processing agreement (DPA) \"Data processing agreement\" of "
				+ carrier.getName() + " ends in 60 day(s)");
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'VENDOR_DOCUMENT_EXPIRY_REMINDED' and subject_id = ?",
				Integer.class, carrier.getId().toString()))
			.isEqualTo(3);
	}

	@Test
	void remindsOfContractEndsAndSendsOnceWhenTwoNodesRunAtTheSameTime() throws Exception {
		Vendor carrier = carrier("Racing");
		LocalDate ends = LocalDate.of(2032, 3, 31);
		records.addContract(carrier.getId(), new ContractDraft("Trunking agreement", LocalDate.of(2030, 4, 1), ends, 30,
				false, SignallingClause.TLS_1_2, MediaClause.SRTP), null, "compliance-lead");
		LocalDate day = ends.minusDays(30);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = () -> watch.remindExpiringDocuments(day);
			Future<Integer> first = nodes.submit(run);
			Future<Integer> second = nodes.submit(run);
			assertThat(first.get() + second.get()).isEqualTo(1);
		}
		finally {
			nodes.shutdown();
		}
		assertThat(jdbc.queryForObject(
				"select count(*) from carrier_watch_notice where vendor_id = ? and kind = 'DOCUMENT_EXPIRY'",
				Integer.class, carrier.getId().value()))
			.isEqualTo(1);
	}

	@Test
	void remindsOfAnAutoRenewingContractBeforeItsNoticeDeadlineNotAtItsEnd() {
		Vendor carrier = carrier("Renewing");
		LocalDate ends = LocalDate.of(2034, 9, 30);
		LocalDate deadline = ends.minusDays(90);
		records.addContract(carrier.getId(), new ContractDraft("Evergreen trunking agreement",
				LocalDate.of(2031, 10, 1), ends, 90, true, SignallingClause.TLS_1_3, MediaClause.SRTP), null,
				"compliance-lead");

		assertThat(watch.remindExpiringDocuments(deadline.minusDays(61))).isZero();
		assertThat(watch.remindExpiringDocuments(deadline.minusDays(60))).isEqualTo(1);
		assertThat(watch.remindExpiringDocuments(deadline.minusDays(30))).isEqualTo(1);
		assertThat(watch.remindExpiringDocuments(deadline.minusDays(7))).isEqualTo(1);
		// once the deadline has passed the contract has renewed: nothing at 60, 30, 7
		// days
		// before its end date
		assertThat(watch.remindExpiringDocuments(ends.minusDays(60))).isZero();
		assertThat(watch.remindExpiringDocuments(ends.minusDays(30))).isZero();
		assertThat(watch.remindExpiringDocuments(ends.minusDays(7))).isZero();

		List<String> subjects = jdbc.queryForList(
				"select subject from outbox_message where kind = 'CARRIER_DOCUMENT_EXPIRING' and reference_id = ? order by created_at",
				String.class, carrier.getId().toString());
		assertThat(subjects).isNotEmpty()
			.first()
			.isEqualTo("Notice deadline: Contract \"Evergreen trunking agreement\" of " + carrier.getName()
					+ " renews itself unless notice is given in 60 day(s)");
		String body = jdbc.queryForObject(
				"select body from outbox_message where kind = 'CARRIER_DOCUMENT_EXPIRING' and reference_id = ? order by created_at limit 1",
				String.class, carrier.getId().toString());
		assertThat(body).contains("renews itself on " + ends + " unless notice is given by " + deadline);
		assertThat(jdbc.queryForList(
				"select due_on from carrier_watch_notice where vendor_id = ? and kind = 'DOCUMENT_EXPIRY'",
				LocalDate.class, carrier.getId().value()))
			.containsOnly(deadline)
			.hasSize(3);
	}

	@Test
	void escalatesAnOverdueConditionOnceAndShowsItOnTheCondition() {
		Vendor carrier = carrier("Conditional");
		LocalDate due = LocalDate.now().minusDays(3);
		CarrierReview review = reviews.recordPastReview(carrier.getId(), LocalDate.now().minusDays(40),
				Decision.APPROVED_WITH_CONDITIONS, "Approved if MFA is enforced.",
				List.of(new ConditionDraft("Enforce MFA on the carrier portal", "compliance-lead", due)),
				"compliance-lead", "compliance-lead");

		assertThat(watch.escalateOverdueConditions(due)).isZero();
		assertThat(watch.escalateOverdueConditions(due.plusDays(1))).isEqualTo(1);
		assertThat(watch.escalateOverdueConditions(due.plusDays(2))).isZero();

		ReviewCondition condition = reviews.conditionsOf(review.getId()).get(0);
		assertThat(condition.getEscalatedAt()).isNotNull();
		assertThat(condition.getEscalatedTo()).contains("compliance leads");
		assertThat(jdbc.queryForObject(
				"select count(*) from outbox_message where kind = 'CARRIER_CONDITION_OVERDUE' and reference_id = ?",
				Integer.class, condition.getId().toString()))
			.isPositive();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'CARRIER_REVIEW_CONDITION_ESCALATED' and subject_id = ?",
				Integer.class, carrier.getId().toString()))
			.isEqualTo(1);

		reviews.closeCondition(condition.getId(), "MFA enforced for every user.", "compliance-lead");
		assertThat(watch.escalateOverdueConditions(due.plusDays(5))).isZero();
	}

	private int recipientsPerReminder(Vendor carrier) {
		int perReminder = jdbc.queryForObject(
				"select count(*) from outbox_message where kind = 'CARRIER_DOCUMENT_EXPIRING' and reference_id = ? and subject like '%60 day(s)'",
				Integer.class, carrier.getId().toString());
		assertThat(perReminder).as("the owner and the compliance leads").isPositive();
		return perReminder;
	}

	private Vendor carrier(String name) {
		Person owner = people.register(TestData.employee("Owen " + name, null), "admin");
		return vendors.register(new VendorDetails(TestData.unique(name + " Carrier"), "SIP trunking",
				io.trunkguard.vendor.RiskTier.HIGH, owner.getId(), List.of()), "compliance-lead");
	}

}
