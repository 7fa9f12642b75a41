package io.trunkguard.engagement.web;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo auditor does the job in a real Chromium against the embedded default (H2, demo
 * data), logged in through the login form: opens the demo's audit, sees a control with a
 * gap and evidence marked out of the audit period, flags an evidence item with a comment,
 * downloads a population (its file read back) and the audit's evidence pack, which the
 * verifier page finds intact; then the compliance lead answers the flag on the same page.
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:auditor-audit-browser;DB_CLOSE_DELAY=-1",
				"trunkguard.demo.enabled=true", "TRUNKGUARD_PASSWORD_AUDITOR=" + AuditorAuditBrowserTest.PASSWORD,
				"TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD=" + AuditorAuditBrowserTest.PASSWORD,
				"TRUNKGUARD_PASSWORD_ADMIN=" + AuditorAuditBrowserTest.PASSWORD })
@ExtendWith(BrowserEvidenceOnFailure.class)
class AuditorAuditBrowserTest {

	static final String PASSWORD = "auditor-browser-pw-11";

	@LocalServerPort
	int port;

	@Test
	void theAuditorExaminesTheAuditAndFlagsEvidenceAndTheLeadAnswers() throws Exception {
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		WebDriver browser = logIn("auditor");

		browser.findElement(By.id("nav-audits")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("audits")));
		browser.findElement(By.linkText("SOC 2 Type II " + year)).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-controls")));
		String auditUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("audit-period")).getText())
			.isEqualTo(year + "-01-01 to " + year + "-12-31");

		// a control with a gap: Bluefin's annual review is overdue (CC9.2)
		WebElement carriers = browser.findElement(By.id("audit-control-CC9.2"));
		assertThat(carriers.findElement(By.id("audit-state-CC9.2")).getText()).isEqualTo("Not satisfied");
		assertThat(carriers.findElements(By.cssSelector("#audit-gaps-CC9\\.2 li")).stream().map(WebElement::getText))
			.anySatisfy(gap -> assertThat(gap).startsWith("Bluefin Telecom: review overdue since "));

		// last year's policy acknowledgements: shown apart, marked out of the period
		WebElement outOfPeriod = browser.findElement(By.id("evidence-out-of-period"));
		WebElement policy = outOfPeriod.findElements(By.cssSelector("tr[data-out-of-period='true']"))
			.stream()
			.filter(row -> row.getText().contains("Information security policy acknowledged"))
			.findFirst()
			.orElseThrow();
		assertThat(policy.getText()).contains("out of audit period").contains((year - 1) + "-11-15");
		assertThat(policy.getAttribute("class")).contains("out-of-period");
		assertThat(browser.findElement(By.id("evidence-in-period")).getText())
			.doesNotContain("Information security policy acknowledged");

		// flag the SBC access-list review with a comment
		WebElement review = browser.findElement(By.id("evidence-in-period"))
			.findElements(By.tagName("tr"))
			.stream()
			.filter(row -> row.getText().contains("SBC access-list review"))
			.findFirst()
			.orElseThrow();
		String rowId = review.getAttribute("id");
		String itemId = rowId.substring("evidence-".length());
		browser.findElement(By.id("flag-comment-" + itemId)).sendKeys("Which change ticket approved the list?");
		browser.findElement(By.id("flag-" + itemId)).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-message")));
		assertThat(browser.findElement(By.id("audit-message")).getText()).startsWith("You (auditor) flagged “SBC");
		assertThat(browser.findElement(By.id("evidence-status-" + itemId)).getText()).isEqualTo("Flagged");
		assertThat(browser.findElement(By.id(rowId)).getText()).contains("Which change ticket approved the list?");

		// download the carrier reviews population with the auditor's session
		String href = browser.findElement(By.id("population-carrier-reviews-csv")).getAttribute("href");
		HttpResponse<byte[]> csv = download(href, browser.manage().getCookieNamed("JSESSIONID").getValue());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).contains("carrier-reviews-" + year + "-01-01-to-" + year + "-12-31.csv"));
		List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo(
				"\uFEFFCarrier,Status,Started by,Started at (UTC),Decided by,Decided at (UTC),Rationale,Encryption,Next review due");
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Meridian Voice Networks,In progress,"));
		java.nio.file.Files.createDirectories(Paths.get("target", "screenshots"));
		Browser.get().screenshot(Paths.get("target", "screenshots", "audit-auditor.png"));

		// download the audit's evidence pack and verify it on the verifier page
		String packHref = browser.findElement(By.id("pack-download")).getAttribute("href");
		assertThat(packHref).contains("criteria=CC6.1,CC6.7,CC7.2,CC9.2")
			.contains("from=" + year + "-01-01")
			.contains("to=" + year + "-12-31");
		HttpResponse<byte[]> pack = download(packHref, browser.manage().getCookieNamed("JSESSIONID").getValue());
		assertThat(pack.statusCode()).isEqualTo(200);
		assertThat(pack.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/zip"));
		java.nio.file.Path packFile = java.nio.file.Files.createDirectories(Paths.get("target", "test-files"))
			.resolve("auditor-browser-pack.zip")
			.toAbsolutePath();
		java.nio.file.Files.write(packFile, pack.body());
		browser.get(app("/evidence-packs/verify"));
		waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("pack-file")));
		browser.findElement(By.id("pack-file")).sendKeys(packFile.toString());
		browser.findElement(By.id("verify-submit")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result")));
		assertThat(browser.findElement(By.id("verify-sentence")).getText()).startsWith("The pack matches");
		Browser.get().screenshot(Paths.get("target", "screenshots", "audit-pack-verified.png"));

		// the compliance lead answers the flag on the audit page
		WebDriver lead = logIn("compliance-lead");
		lead.get(auditUrl);
		waitFor(lead).until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-" + itemId)));
		assertThat(lead.findElements(By.id("flag-" + itemId))).isEmpty();
		lead.findElement(By.id("answer-" + itemId)).sendKeys("Change CHG-2041, approved by the network lead.");
		lead.findElement(By.id("answer-submit-" + itemId)).click();
		waitFor(lead).until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-message")));
		assertThat(lead.findElement(By.id("audit-message")).getText())
			.isEqualTo("You (compliance-lead) answered the auditor's flag on “SBC access-list review: only the "
					+ "carriers' signalling addresses admitted”; it is ready again.");
		assertThat(lead.findElement(By.id("evidence-status-" + itemId)).getText()).isEqualTo("Ready");
		assertThat(lead.findElement(By.id(rowId)).getText()).contains("Which change ticket approved the list?")
			.contains("Change CHG-2041, approved by the network lead.");
	}

	private WebDriver logIn(String username) {
		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		return browser;
	}

	private static HttpResponse<byte[]> download(String url, String session) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
