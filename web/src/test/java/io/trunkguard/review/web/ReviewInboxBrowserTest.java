package io.trunkguard.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.Decision;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItems;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;

/**
 * A reviewer works their inbox in a real headless Chromium: logs in, opens the campaign,
 * selects every item, keeps them in one bulk decision with a justification, and submits.
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:review-inbox-browser;DB_CLOSE_DELAY=-1",
				"trunkguard.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
				"TRUNKGUARD_PASSWORD_REVIEWER=" + ReviewInboxBrowserTest.PASSWORD })
@ExtendWith(BrowserEvidenceOnFailure.class)
class ReviewInboxBrowserTest {

	static final String PASSWORD = "inbox-browser-test-pw";

	@LocalServerPort
	int port;

	@Autowired
	CampaignLauncher launcher;

	@Autowired
	ReviewItems items;

	@Test
	void reviewerBulkDecidesInTheInboxAndSubmits() {
		CampaignId campaign = launcher.launch("Browser review", Instant.now().plus(Duration.ofDays(14)),
				UnansweredRule.CARRY_OVER, "compliance-lead");
		List<ReviewItem> mine = items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(campaign, "reviewer");
		assertThat(mine).isNotEmpty();

		WebDriver browser = logIn("reviewer", PASSWORD);
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		browser.get(app("/reviews"));
		Browser.clickAndWaitForNextPage(browser, By.cssSelector("tr[data-campaign='" + campaign + "'] a"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("items-table")));
		assertThat(browser.findElements(By.cssSelector("tr[data-item]"))).hasSize(mine.size());

		for (WebElement box : browser.findElements(By.name("item"))) {
			box.click();
		}
		browser.findElement(By.id("decision-KEEP")).click();
		browser.findElement(By.id("justification"))
			.sendKeys("Still on the NOC rota; access confirmed with the team lead.");
		Browser.clickAndWaitForNextPage(browser, By.id("decide"));

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
		assertThat(browser.findElement(By.id("message")).getText()).contains(mine.size() + " item(s) decided");
		assertThat(browser.findElement(By.id("progress-bar")).getAttribute("value")).isEqualTo("100");
		Browser.get().screenshot(Paths.get("target", "screenshots", "review-inbox.png"));

		Browser.clickAndWaitForNextPage(browser, By.id("submit-review"));
		assertThat(browser.findElement(By.id("submit-counts")).getText()).contains("You decided " + mine.size()
				+ " of your " + mine.size() + " items: " + mine.size() + " kept and 0 revoked or reduced.");
		Browser.clickAndWaitForNextPage(browser, By.id("confirm-submit"));

		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Submitted"));
		assertThat(browser.findElements(By.id("submit-review"))).isEmpty();
		assertThat(items.findByCampaignId(campaign)).filteredOn(item -> item.getReviewerUsername().equals("reviewer"))
			.allSatisfy(item -> {
				assertThat(item.isSubmitted()).isTrue();
				assertThat(item.getDecision()).isEqualTo(Decision.KEEP);
				assertThat(item.getDecidedBy()).isEqualTo("reviewer");
			});
	}

	private WebDriver logIn(String username, String password) {
		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		Browser.clickAndWaitForNextPage(browser, By.id("login-submit"));
		return browser;
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
