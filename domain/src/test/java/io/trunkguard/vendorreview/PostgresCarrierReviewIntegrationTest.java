package io.trunkguard.vendorreview;

import io.trunkguard.PostgresIntegrationTest;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.SocReportDraft;
import io.trunkguard.vendor.SocReportFacts;
import io.trunkguard.vendor.Vendor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
@TestPropertySource(properties = "trunkguard.carrier-review.compliance-leads=compliance-lead,second-lead")
class PostgresCarrierReviewIntegrationTest extends CarrierReviewIntegrationTests {

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * The board reads {@code vendor_board_summary} on PostgreSQL (V350): after each step
	 * of a review, and after changes written straight to the tables, it holds what the
	 * history says.
	 */
	@Test
	void theBoardSummaryFollowsEveryChangeOfACarriersHistory() {
		Vendor vendor = carrier(null);
		assertTheSummaryMatchesTheHistory();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		CarrierReview review = reviews.start(vendor.getId(), "compliance-lead");
		assertTheSummaryMatchesTheHistory();
		assertThat(reviews.sendQuestionnaire(review.getId())).isPresent();
		assertTheSummaryMatchesTheHistory();
		questionnaires.submit(lastToken(), Map.of("ENC-1", "Yes"), "192.0.2.7");
		assertTheSummaryMatchesTheHistory();
		SocReport report = records.recordSocReport(vendor.getId(),
				new SocReportDraft(SocReportFacts.SocType.SOC_2, SocReportFacts.ReportType.TYPE_II, List.of("Security"),
						today.minusMonths(14), today.minusMonths(2), today.minusMonths(1), "Example Assurance LLP",
						SocReportFacts.Opinion.UNQUALIFIED, null, List.of(), List.of(), List.of(), null, null),
				null, null, "compliance-lead");
		assertTheSummaryMatchesTheHistory();
		reviews.reviewSocReport(review.getId(), report.getId(), "compliance-lead");
		reviews.checkDocuments(review.getId());
		reviews.decide(review.getId(), Decision.APPROVED_WITH_CONDITIONS, "Fine with one follow-up.",
				List.of(new ConditionDraft("Send the pen test summary", "compliance-lead", today.plusMonths(2))),
				"compliance-lead");
		reviews.complete(review.getId());
		assertTheSummaryMatchesTheHistory();
		assertThat(summary(vendor)).containsEntry("open_conditions", 1L);

		// written straight to the tables (a repair by hand, a data migration): followed
		// too
		jdbc.update("update vendor_review_condition set closed_at = current_timestamp where vendor_id = ?",
				vendor.getId().value());
		jdbc.update("update vendor_soc_report set bridge_from = period_end, bridge_to = period_end + 90 "
				+ "where vendor_id = ?", vendor.getId().value());
		assertTheSummaryMatchesTheHistory();
		assertThat(summary(vendor)).containsEntry("open_conditions", 0L);
		jdbc.update("delete from vendor_review_condition where vendor_id = ?", vendor.getId().value());
		jdbc.update("update vendor_review set next_due_on = next_due_on + 30 where vendor_id = ?",
				vendor.getId().value());
		assertTheSummaryMatchesTheHistory();
	}

	/**
	 * Two transactions change one carrier's history at once (a SOC report's bridge
	 * letter, the questionnaire revoked): the second refresh waits for the first and sees
	 * its commit, so the summary holds both.
	 */
	@Test
	void twoTransactionsChangingOneCarrierAtOnceBothReachTheSummary() throws Exception {
		Vendor vendor = carrier(null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		records.recordSocReport(vendor.getId(),
				new SocReportDraft(SocReportFacts.SocType.SOC_2, SocReportFacts.ReportType.TYPE_II, List.of("Security"),
						today.minusMonths(14), today.minusMonths(2), today.minusMonths(1), "Example Assurance LLP",
						SocReportFacts.Opinion.UNQUALIFIED, null, List.of(), List.of(), List.of(), null, null),
				null, null, "compliance-lead");
		questionnaires.send(vendor.getId(), null, null, "Rita Revoke", "rita@carrier.example", "compliance-lead");
		TransactionTemplate tx = new TransactionTemplate(transactions);
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			jdbc.update("update vendor_soc_report set bridge_from = period_end, bridge_to = period_end + 90 "
					+ "where vendor_id = ?", vendor.getId().value());
			firstWrote.countDown();
			await(release);
		}));
		await(firstWrote);
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(
				status -> jdbc.update("update questionnaire set revoked_at = current_timestamp where vendor_id = ?",
						vendor.getId().value())));
		// the second waits on the summary row the first holds
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'",
				Integer.class) == 0 && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(second).isNotDone();
		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		second.get(30, TimeUnit.SECONDS);

		assertTheSummaryMatchesTheHistory();
		assertThat(summary(vendor).get("bridge_to")).isNotNull();
		assertThat(summary(vendor).get("revoked_at")).isNotNull();
	}

	private Map<String, Object> summary(Vendor vendor) {
		return jdbc.queryForMap("select * from vendor_board_summary where vendor_id = ?", vendor.getId().value());
	}

	private void assertTheSummaryMatchesTheHistory() {
		assertThat(jdbc.queryForList(BoardQuery.CARRIERS_SUMMARY + " order by v.id"))
			.isEqualTo(jdbc.queryForList(BoardQuery.CARRIERS_POSTGRES + " order by v.id"));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
