package io.trunkguard.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;

/**
 * A whole quarter in the embedded default with the demo data, only through the real login
 * form and the pages, as the roles would: the compliance lead starts the quarterly
 * campaign; every reviewer it routes items to (the role accounts and the demo people with
 * their own logins) logs in, decides with select-all, and submits after the confirmation;
 * the owner's manual removal is confirmed with a note; the process closes the campaign by
 * itself (job executor on); the lead signs off and downloads the final report, whose text
 * is checked. Nothing here reads or writes the database.
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:whole-quarter-browser;DB_CLOSE_DELAY=-1",
				"trunkguard.demo.enabled=true", "camunda.bpm.job-execution.enabled=true",
				"camunda.bpm.job-execution.wait-time-in-millis=500", "camunda.bpm.job-execution.max-wait=1000",
				"TRUNKGUARD_PASSWORD_REVIEWER=" + WholeQuarterBrowserTest.PASSWORD,
				"TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD=" + WholeQuarterBrowserTest.PASSWORD,
				"TRUNKGUARD_PASSWORD_ADMIN=" + WholeQuarterBrowserTest.PASSWORD,
				"TRUNKGUARD_PASSWORD_AUDITOR=" + WholeQuarterBrowserTest.PASSWORD,
				"TRUNKGUARD_PASSWORD_DEMO_PEOPLE=" + WholeQuarterBrowserTest.PASSWORD })
@ExtendWith(BrowserEvidenceOnFailure.class)
class WholeQuarterBrowserTest {

	static final String PASSWORD = "whole-quarter-test-pw-7";

	static final String LEAD = "compliance-lead";

	@LocalServerPort
	int port;

	@Test
	void aLeadRunsAWholeQuarterFromStartToTheSignedReport() throws Exception {
		// the lead starts the quarter's campaign
		WebDriver lead = logIn(LEAD);
		lead.get(app("/reviews/new"));
		WebElement deadline = lead.findElement(By.id("deadline"));
		String iso = LocalDate.now(ZoneOffset.UTC).plusDays(21).toString();
		if (!iso.equals(deadline.getAttribute("value"))) {
			// what the date picker does: the field's value is the ISO date
			((JavascriptExecutor) lead).executeScript("arguments[0].value = arguments[1]", deadline, iso);
		}
		new Select(lead.findElement(By.id("unansweredRule"))).selectByValue("CARRY_OVER");
		Browser.clickAndWaitForNextPage(lead, By.id("start"));
		waitFor(lead).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress-by-reviewer")));
		String campaign = lead.getCurrentUrl().replaceAll(".*/reviews/", "").replaceAll("[/?#].*", "");
		assertThat(lead.findElement(By.id("chart-by-reviewer")).isDisplayed()).isTrue();
		Browser.get().screenshot(Paths.get("target", "screenshots", "quarter-campaign-started.png"));
		Map<String, Integer> reviewers = new LinkedHashMap<>();
		for (WebElement row : lead.findElements(By.cssSelector("#progress-by-reviewer tr[data-reviewer]"))) {
			reviewers.put(row.getAttribute("data-reviewer"),
					Integer.parseInt(row.findElements(By.tagName("td")).get(1).getText().strip()));
		}
		assertThat(reviewers).as("the demo routes items to several people").hasSizeGreaterThan(3);

		// every reviewer logs in and decides; the first revokes one item on a manual
		// system, everything else is kept with select-all
		String revokedPerson = null;
		for (Map.Entry<String, Integer> reviewer : reviewers.entrySet()) {
			WebDriver browser = logIn(reviewer.getKey());
			browser.get(app("/reviews/" + campaign + "/inbox"));
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("items-table")));
			int revoked = 0;
			if (revokedPerson == null) {
				revokedPerson = revokeOneOnAManualSystem(browser, campaign);
				revoked = revokedPerson == null ? 0 : 1;
			}
			browser.get(app("/reviews/" + campaign + "/inbox?state=undecided"));
			waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("items-table")));
			if (!browser.findElements(By.id("select-all")).isEmpty()) {
				browser.findElement(By.id("select-all")).click();
				browser.findElement(By.id("decision-KEEP")).click();
				browser.findElement(By.id("justification"))
					.sendKeys("Reviewed with the team lead: still needed for the on-call rota.");
				Browser.clickAndWaitForNextPage(browser, By.id("decide"));
				assertThat(browser.findElement(By.id("message")).getText()).contains("decided: keep");
			}
			Browser.clickAndWaitForNextPage(browser, By.id("submit-review"));
			int items = reviewer.getValue();
			assertThat(browser.findElement(By.id("submit-counts")).getText()).as(reviewer.getKey())
				.contains("You decided " + items + " of your " + items + " items: " + (items - revoked) + " kept and "
						+ revoked + " revoked or reduced.");
			if (revoked > 0) {
				Browser.get().screenshot(Paths.get("target", "screenshots", "quarter-confirm-submit.png"));
			}
			Browser.clickAndWaitForNextPage(browser, By.id("confirm-submit"));
			assertThat(browser.findElement(By.id("message")).getText()).contains("Submitted " + items);
		}
		assertThat(revokedPerson).as("some reviewer had an item on a manual system").isNotNull();

		// remediation: the revoked access on the manual system is confirmed with a note
		lead = logIn(LEAD);
		lead.get(app("/reviews/remediations"));
		WebElement removal = waitFor(lead).until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section[data-item] form.confirm-form")));
		String itemId = removal.findElement(By.xpath("./ancestor::section")).getAttribute("data-item");
		lead.findElement(By.id("note-" + itemId)).sendKeys("Account removed in the SBC web UI, ticket OPS-4711.");
		Browser.clickAndWaitForNextPage(lead, By.id("confirm-" + itemId));
		assertThat(lead.findElement(By.id("message")).getText()).isNotBlank();

		// the process closes the campaign by itself; then the lead signs off
		lead.get(app("/reviews/" + campaign));
		WebDriver signer = lead;
		new WebDriverWait(signer, Duration.ofSeconds(180)).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
			driver.navigate().refresh();
			return !driver.findElements(By.id("sign-off-form")).isEmpty();
		});
		Browser.get().screenshot(Paths.get("target", "screenshots", "quarter-campaign-closed.png"));
		signer.findElement(By.id("note")).sendKeys("Quarter reviewed; one revocation removed by hand with proof.");
		Browser.clickAndWaitForNextPage(signer, By.id("sign-off"));
		assertThat(signer.findElement(By.id("signed-off")).getText()).contains("by " + LEAD);
		assertThat(signer.findElement(By.id("campaign-status")).getText()).isEqualTo("Signed off");

		// the final report, downloaded with the lead's session
		String session = signer.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> report = new WebDriverWait(signer, Duration.ofSeconds(120))
			.pollingEvery(Duration.ofSeconds(2))
			.until(driver -> {
				HttpResponse<byte[]> answer = download("/reviews/" + campaign + "/report.pdf", session);
				return answer.statusCode() == 200 ? answer : null;
			});
		assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
		java.nio.file.Files.createDirectories(Paths.get("target", "screenshots"));
		java.nio.file.Files.write(Paths.get("target", "screenshots", "quarter-report.pdf"), report.body());
		String text = pdfText(report.body());
		assertThat(text).contains("Access review report")
			.doesNotContain("DRAFT")
			.contains(revokedPerson)
			.contains("OPS-4711")
			.contains(LEAD + " signed the campaign off on");
	}

	/**
	 * On the first page of the inbox, revokes one item on a system removed by hand (the
	 * Edge SBC Cluster or a carrier portal); returns the holder's name, or null when this
	 * reviewer has none.
	 */
	private String revokeOneOnAManualSystem(WebDriver browser, String campaign) {
		for (WebElement group : browser.findElements(By.cssSelector("tr.group"))) {
			// (the page may show group names in capitals)
			String name = group.getText().toLowerCase(java.util.Locale.ROOT);
			if (name.startsWith("edge sbc cluster") || name.contains("carrier portal")
					|| name.contains("partner portal")) {
				WebElement row = group.findElement(By.xpath("./following-sibling::tr[@data-item][1]"));
				String person = row.findElements(By.tagName("td")).get(1).getText();
				row.findElement(By.name("item")).click();
				browser.findElement(By.id("decision-REVOKE")).click();
				browser.findElement(By.id("justification")).sendKeys("No SBC work since the team change in spring.");
				Browser.clickAndWaitForNextPage(browser, By.id("decide"));
				assertThat(browser.findElement(By.id("message")).getText()).contains("1 item(s) decided: revoke");
				return person;
			}
		}
		return null;
	}

	private HttpResponse<byte[]> download(String path, String session) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(app(path))).header("Cookie", "JSESSIONID=" + session).build(),
						HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String pdfText(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		return text.toString();
	}

	private WebDriver logIn(String username) {
		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Browser.clickAndWaitForNextPage(browser, By.id("login-submit"));
		assertThat(browser.getCurrentUrl()).as(username + " logs in").doesNotContain("/login");
		return browser;
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
