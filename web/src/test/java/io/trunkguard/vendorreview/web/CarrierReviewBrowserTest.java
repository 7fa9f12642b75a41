package io.trunkguard.vendorreview.web;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.notification.MessageKind;
import io.trunkguard.notification.Outbox;
import io.trunkguard.notification.OutboxFilter;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.CarrierReview;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.ReviewStatus;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An annual carrier review end to end in a real headless Chromium: the lead starts it
 * (the questionnaire goes out); the contact, in a second session without login, opens the
 * link from the outbox, answers, saves, comes back and submits; the lead sees it on the
 * tracker, records the SOC report review with a qualified opinion, approves with a
 * condition; the review record PDF is downloaded and its text checked.
 */
@EmbeddedDefaultTest
@ExtendWith(BrowserEvidenceOnFailure.class)
class CarrierReviewBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	CarrierReviewService reviews;

	@Autowired
	Outbox outbox;

	@Autowired
	ManagementService jobs;

	@Autowired
	RuntimeService runtime;

	@Autowired
	QuestionnaireService questionnaires;

	@Test
	void aLeadReviewsACarrierWhoseContactAnswersThroughTheLink() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Vendor vendor = carrierWithOwner(run, "car", "Carla Owner", "Browser Carrier", RiskTier.HIGH, "Cora Contact");

		WebDriver browser = Browser.get().freshSession();
		login(browser, "compliance-lead", EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD);
		browser.get(app("/vendors/" + vendor.getId()));
		browser.findElement(By.id("start-review")).click();
		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-step"),
				"Waiting for the questionnaire"));
		CarrierReview review = reviews.inProgress(vendor.getId()).orElseThrow();

		String link = linkFromOutbox(review.getQuestionnaireId());
		WebDriver contact = Browser.get().freshSession();
		contact.get(link);
		waitFor(contact).until(ExpectedConditions.visibilityOfElementLocated(By.id("answers-form")));
		assertThat(contact.findElements(By.cssSelector("nav"))).isEmpty();
		radio(contact, "a_ENC-1", "Yes");
		radio(contact, "a_ACC-1", "No");
		contact.findElement(By.id("save-answers")).click();
		waitFor(contact).until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
		contact.get(link);
		assertThat(contact.findElement(By.cssSelector("input[name='a_ENC-1'][value='Yes']")).isSelected()).isTrue();
		radio(contact, "a_ENC-4", "No");
		Browser.get().screenshot(Paths.get("target", "screenshots", "questionnaire-contact.png"));
		contact.findElement(By.id("submit-answers")).click();
		waitFor(contact).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));

		browser = Browser.get().freshSession();
		login(browser, "compliance-lead", EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD);
		browser.get(app("/vendors/questionnaires?q=" + run));
		WebElement row = browser.findElement(By.cssSelector("tr[data-carrier='Browser Carrier " + run + "']"));
		assertThat(row.findElement(By.className("tracker-state")).getText()).isEqualTo("Submitted");

		browser.get(app("/vendors/" + vendor.getId()));
		waitFor(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-step"), "SOC report review"));
		browser.findElement(By.id("review-soc-report")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("soc-report-form")));
		LocalDate today = LocalDate.now();
		date(browser, "periodStart", today.minusMonths(13));
		date(browser, "periodEnd", today.minusMonths(1));
		date(browser, "issuedOn", today.minusDays(10));
		browser.findElement(By.id("auditorFirm")).sendKeys("Example Assurance LLP");
		new Select(browser.findElement(By.id("opinion"))).selectByValue("QUALIFIED");
		browser.findElement(By.id("qualification")).sendKeys("Access reviews were missed in one quarter.");
		browser.findElement(By.id("excRef-0")).sendKeys("CC6.2");
		browser.findElement(By.id("excDescription-0")).sendKeys("Quarterly access review missed in Q2");
		new Select(browser.findElement(By.id("excAssessment-0"))).selectByValue("FOLLOW_UP");
		browser.findElement(By.id("cuecDescription-0")).sendKeys("Customers restrict trunk access to their IPs");
		browser.findElement(By.id("cuecControl-0")).sendKeys("CC6.6 SBC access lists");
		browser.findElement(By.id("save-soc-report")).click();
		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-step"), "Decision"));
		assertThat(browser.findElement(By.id("document-findings")).getText()).contains("No DPA is on record",
				"No capture analysed");

		new Select(browser.findElement(By.id("decision"))).selectByValue("APPROVED_WITH_CONDITIONS");
		browser.findElement(By.id("rationale")).sendKeys("Qualified opinion on access reviews; DPA to be signed.");
		browser.findElement(By.id("condition-text-0")).sendKeys("Sign the DPA " + run);
		browser.findElement(By.id("condition-owner-0")).sendKeys("compliance-lead");
		date(browser, "condition-due-0", today.plusMonths(1));
		Browser.get().screenshot(Paths.get("target", "screenshots", "carrier-review-decision.png"));
		browser.findElement(By.id("decide")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert.ok")));

		// the record is written by the job executor (off in this test context): run its
		// job
		String instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(review.getId().toString())
			.singleResult()
			.getId();
		for (Job job : jobs.createJobQuery().processInstanceId(instance).list()) {
			jobs.executeJob(job.getId());
		}
		CarrierReview done = reviews.get(review.getId());
		assertThat(done.getStatus()).isEqualTo(ReviewStatus.APPROVED_WITH_CONDITIONS);
		assertThat(done.getNextDueOn()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1));
		browser.get(app("/vendors/" + vendor.getId()));
		String href = browser.findElement(By.className("record-pdf")).getAttribute("href");
		Browser.get().screenshot(Paths.get("target", "screenshots", "carrier-page.png"));

		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href))
				.header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
		assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		java.nio.file.Files.createDirectories(Paths.get("target", "screenshots"));
		java.nio.file.Files.write(Paths.get("target", "screenshots", "carrier-review-record.pdf"), pdf.body());
		PdfReader reader = new PdfReader(pdf.body());
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		assertThat(text.toString().replace("\n", " ")).contains("Browser Carrier " + run, "Approved with conditions",
				"Sign the DPA " + run, "Quarterly access review missed in Q2", "CC6.6 SBC access lists", "Qualified",
				"ACC-1");
	}

	@Test
	void aLeadUsesTheProfileTemplateImportAndOfflineAnswerForms() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Vendor vendor = carrierWithOwner(run, "frm", "Fiona Owner", "Forms Carrier", RiskTier.LOW, "Fern Contact");
		WebDriver browser = Browser.get().freshSession();
		login(browser, "compliance-lead", EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD);

		// the profile: three risk criteria set the tier, and the page says which one did
		browser.get(app("/vendors/" + vendor.getId()));
		browser.findElement(By.cssSelector("#profile details summary")).click();
		new Select(browser.findElement(By.id("status"))).selectByValue("ACTIVE");
		browser.findElement(By.id("headquartersCountry")).sendKeys("DE");
		new Select(browser.findElement(By.id("dataHandled"))).selectByValue("CALL_METADATA");
		new Select(browser.findElement(By.id("callContent"))).selectByValue("RECORDS");
		new Select(browser.findElement(By.id("criticality"))).selectByValue("LOW");
		browser.findElement(By.id("sub-name-0")).sendKeys("Hetzner Online");
		browser.findElement(By.id("sub-purpose-0")).sendKeys("Hosting of the call recorder");
		browser.findElement(By.id("sub-country-0")).sendKeys("DE");
		browser.findElement(By.id("save-profile")).click();
		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("risk-tier-explanation"),
				"set by call content"));
		assertThat(browser.findElement(By.id("risk-tier")).getText()).isEqualTo("Critical");
		assertThat(browser.findElement(By.id("sub-processors")).getText()).contains("Hetzner Online", "Germany");

		// a template from XLSX: a bad row is named and nothing is imported; a good file
		// is
		java.nio.file.Path bad = upload("bad-template-" + run,
				CarrierRecordPostgresIntegrationTest
					.workbook(
							List.of(List.of("Section", "Id", "Question", "Type"),
									List.of("Encryption", "E1", "Is SIP signalling sent over TLS 1.2 or newer?",
											"yes/no"),
									List.of("Encryption", "E2", "How is media encrypted?", "maybe")),
							-1, -1));
		browser.get(app("/vendors/questionnaire-templates"));
		browser.findElement(By.id("template-name")).sendKeys("Intake " + run);
		browser.findElement(By.id("template-file")).sendKeys(bad.toString());
		browser.findElement(By.id("import-template")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-error")));
		assertThat(browser.findElement(By.id("import-error")).getText()).contains("row 3", "\"maybe\"");
		assertThat(browser.findElement(By.id("templates-table")).getText()).doesNotContain("Intake " + run);
		java.nio.file.Path good = upload("good-template-" + run,
				CarrierRecordPostgresIntegrationTest.workbook(List.of(List.of("Section", "Id", "Question", "Type"),
						List.of("Encryption", "E1", "Is SIP signalling sent over TLS 1.2 or newer?", "yes/no"),
						List.of("Encryption", "E2", "Describe your key management.", "text")), -1, -1));
		browser.findElement(By.id("template-name")).clear();
		browser.findElement(By.id("template-name")).sendKeys("Intake " + run);
		browser.findElement(By.id("template-file")).sendKeys(good.toString());
		browser.findElement(By.id("import-template")).click();
		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-message"),
				"was imported with 2 questions"));
		assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("Intake " + run);

		// a questionnaire answered offline: export the spreadsheet, answer it, import it
		Questionnaire sent = questionnaires.send(vendor.getId(), null, null, "Fern Contact",
				"fern-" + run + "@carrier.example", "compliance-lead");
		browser.get(app("/vendors/questionnaires/" + sent.getId()));
		HttpResponse<byte[]> exported = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(browser.findElement(By.id("export-offline")).getAttribute("href")))
				.header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(exported.statusCode()).isEqualTo(200);
		java.nio.file.Path answered = upload("answered-" + run,
				CarrierRecordPostgresIntegrationTest.answer(exported.body(), false));
		browser.findElement(By.id("offline-file")).sendKeys(answered.toString());
		browser.findElement(By.id("import-offline")).click();
		waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"),
				"answer(s) were imported from answered-" + run + ".xlsx"));
		assertThat(browser.findElement(By.id("questionnaire-state")).getText()).isEqualTo("In progress");
		assertThat(browser.findElement(By.id("answers-table")).getText()).contains("We rotate keys yearly.");
		Browser.get().screenshot(Paths.get("target", "screenshots", "questionnaire-offline-import.png"));
	}

	private static java.nio.file.Path upload(String name, byte[] content) throws java.io.IOException {
		java.nio.file.Path file = Paths.get("target", "uploads", name + ".xlsx").toAbsolutePath();
		java.nio.file.Files.createDirectories(file.getParent());
		return java.nio.file.Files.write(file, content);
	}

	private String linkFromOutbox(UUID questionnaireId) {
		String body = outbox.search(new OutboxFilter(null, MessageKind.QUESTIONNAIRE_LINK), PageRequest.of(0, 200))
			.getContent()
			.stream()
			.filter(m -> m.getReferenceId().equals(questionnaireId.toString()))
			.findFirst()
			.orElseThrow()
			.getBody();
		Matcher m = Pattern.compile("/q/[A-Za-z0-9_-]{43}").matcher(body);
		assertThat(m.find()).isTrue();
		return app(m.group());
	}

	/**
	 * A new SIP trunking carrier, owned by a new person of Voice Engineering (login
	 * {@code <code>-<run>}), with one contact; names end with the run so that tests
	 * sharing the context never meet each other's records.
	 */
	private Vendor carrierWithOwner(String run, String code, String ownerName, String carrierName, RiskTier tier,
			String contactName) {
		Person owner = people.register(new PersonDetails("HR-" + code.toUpperCase(java.util.Locale.ROOT) + "-" + run,
				ownerName + " " + run, code + "-" + run + "@example.test", code + "-" + run, null, "Voice Engineering",
				EmploymentType.EMPLOYEE, LocalDate.of(2020, 1, 1), null), "tester");
		String contactEmail = contactName.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "-" + run
				+ "@carrier.example";
		return vendors.register(new VendorDetails(carrierName + " " + run, "SIP trunking", tier, owner.getId(),
				List.of(new VendorContact(contactName, contactEmail, null))), "tester");
	}

	private void login(WebDriver browser, String username, String password) {
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
	}

	private static void radio(WebDriver browser, String name, String value) {
		browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

	private static void date(WebDriver browser, String id, LocalDate value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id(id)), value.toString());
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

}
