package io.trunkguard.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.RemediationService;
import io.trunkguard.review.Decision;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;

/**
 * A compliance lead confirms a manual removal in a real headless Chromium: logs in, opens
 * the removals to confirm, types the note, attaches a screenshot file and confirms; the
 * item is remediated with the file kept as proof.
 */
@EmbeddedDefaultTest
@ExtendWith(BrowserEvidenceOnFailure.class)
class ReviewRemediationBrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	io.trunkguard.evidence.FileStore fileStore;

	byte[] bytesOf(io.trunkguard.evidence.StoredFile file) {
		try (java.io.InputStream in = fileStore.open(file.getId())) {
			return in.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	int port;

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewDecisionService decisions;

	@Autowired
	RemediationService remediation;

	@Autowired
	AccessService access;

	@Autowired
	PersonService people;

	@Test
	void leadConfirmsAManualRemovalWithAProofFile() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Person owner = people
			.register(
					new PersonDetails("HR-BOWN-" + run, "Bea Owner " + run, "bown-" + run + "@example.test",
							"bown-" + run, null, "IT", EmploymentType.EMPLOYEE, LocalDate.of(2019, 1, 1), null),
					"tester");
		Person holder = people.register(
				new PersonDetails("HR-BHOL-" + run, "Ben Holder " + run, "bhol-" + run + "@example.test", "bhol-" + run,
						owner.getId(), "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2021, 1, 1), null),
				"tester");
		AccessSystem sbc = access.registerSystem(new SystemDetails("Browser SBC " + run, SystemKind.SBC, null,
				owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant grant = access.issueGrant(new NewGrant(holder.getId(), sbc.getId(), "sbc-operator", false),
				"tester");
		ReviewCampaign campaign = lifecycle.start("Browser remediation " + run, Instant.now().plus(Duration.ofDays(14)),
				UnansweredRule.CARRY_OVER, "tests share one database", "compliance-lead");
		ReviewItem item = queries.itemsOf(campaign.getId(), owner.getUsername(), PageRequest.of(0, 10))
			.getContent()
			.get(0);
		decisions.decide(List.of(item.getId()), Decision.REVOKE, null, "Ben left the NOC.", owner.getUsername());
		decisions.submit(campaign.getId(), owner.getUsername());
		Path screenshot = Files.createTempFile("sbc-console", ".png");
		Files.write(screenshot, PNG);

		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys("compliance-lead");
		browser.findElement(By.id("password")).sendKeys(EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		browser.get(app("/reviews"));
		browser.findElement(By.id("remediations")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("remediation-" + item.getId())));

		browser.findElement(By.id("note-" + item.getId()))
			.sendKeys("Removed sbc-operator in the SBC web UI, ticket OPS-21");
		browser.findElement(By.id("attachment-" + item.getId())).sendKeys(screenshot.toAbsolutePath().toString());
		Browser.get().screenshot(Paths.get("target", "screenshots", "review-remediations.png"));
		browser.findElement(By.id("confirm-" + item.getId())).click();

		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "confirmed"));
		assertThat(browser.findElements(By.id("remediation-" + item.getId()))).isEmpty();
		ReviewItem done = queries.item(item.getId());
		assertThat(done.getRemediationStatus()).isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(done.getRemediatedBy()).isEqualTo("compliance-lead");
		assertThat(done.getRemediationNote()).contains("OPS-21");
		assertThat(remediation.proofsOf(item.getId())).singleElement().satisfies(proof -> {
			assertThat(proof.getFileName()).startsWith("sbc-console").endsWith(".png");
			assertThat(proof.getContentType()).isEqualTo("image/png");
			assertThat(bytesOf(proof.getFile())).isEqualTo(PNG);
		});
		assertThat(access.getGrant(grant.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
