package io.trunkguard.trace.web;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compliance lead uploads a capture on a carrier's page in a real headless Chromium:
 * sees the upload progress, then the capture's analysis with its legs and findings, then
 * the carrier's CC6.7 status changed; a questionnaire answer the traffic contradicts is
 * flagged on the questionnaire's page and the carrier's; and downloads the compliance
 * report PDF, whose text is read back.
 */
@CaptureTestContext
@ExtendWith(BrowserEvidenceOnFailure.class)
class CaptureUploadBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CarrierRecords records;

	@Autowired
	VendorService vendors;

	@Autowired
	PersonService people;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void leadUploadsACaptureOnTheCarrierPageAndDownloadsItsReport() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Vendor carrier = vendors.register(
				new VendorDetails("Browser Carrier " + run, "SIP trunking", RiskTier.HIGH,
						people.search(PersonSearch.all(), PageRequest.of(0, 1)).getContent().get(0).getId(), List.of()),
				"tester");
		records.addContract(carrier.getId(), new ContractDraft("Trunk agreement", LocalDate.now().minusMonths(3), null,
				30, true, SignallingClause.TLS_1_2, MediaClause.SRTP), null, "tester");
		Path capture = CaptureApiIntegrationTest.CAPTURES.resolve("sip-udp-sdes-srtp.pcapng")
			.toAbsolutePath()
			.normalize();

		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys("compliance-lead");
		browser.findElement(By.id("password")).sendKeys(CaptureTestContext.LEAD_PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));

		browser.get(app("/vendors/" + carrier.getId()));
		assertThat(browser.findElement(By.id("carrier-evidence")).getText())
			.contains("No capture of this carrier's traffic has been analysed yet");
		browser.findElement(By.id("capture-file")).sendKeys(capture.toString());
		browser.findElement(By.id("upload-capture")).click();
		assertThat(browser.findElement(By.id("upload-status")).getText()).contains("sip-udp-sdes-srtp.pcapng");
		Browser.get().screenshot(Paths.get("target", "screenshots", "capture-upload.png"));

		waitFor(browser).until(ExpectedConditions.urlMatches(".*/captures/[0-9a-f-]{36}$"));
		waitFor(browser).until(ExpectedConditions.textToBe(By.id("capture-state"), "Analysed"));
		Browser.get().screenshot(Paths.get("target", "screenshots", "capture-analysed.png"));
		assertThat(browser.findElement(By.id("capture-carriers")).getText()).contains(carrier.getName());
		assertThat(browser.findElement(By.id("legs")).getText()).contains("Unencrypted");
		assertThat(browser.findElement(By.id("findings")).getText()).contains("SIP_PLAINTEXT_SIGNALLING",
				"SDES_KEYS_EXPOSED");
		String captureUrl = browser.getCurrentUrl();

		browser.get(app("/vendors/" + carrier.getId()));
		assertThat(browser.findElement(By.id("clause-check")).getText()).contains("Contract clause violated");
		assertThat(browser.findElement(By.id("clause-violations")).getText()).contains("signalling: TLS 1.2 or newer",
				"SIP travels in clear over UDP");
		assertThat(browser.findElement(By.id("carrier-trunks")).getText()).contains("Unencrypted");
		assertThat(browser.findElements(By.cssSelector("#encryption-history .history-bar"))).hasSize(1);

		// the carrier answered that SIP is encrypted with TLS: its traffic says
		// otherwise,
		// and the questionnaire's answers page flags it
		Questionnaire questionnaire = questionnaires.send(carrier.getId(), null, null, "Carrier Contact",
				"contact-" + run + "@carrier.example", "tester");
		String mail = jdbc.queryForObject(
				"select body from outbox_message where reference_type = 'Questionnaire' and reference_id = ?",
				String.class, questionnaire.getId().toString());
		questionnaires.submit(mail.replaceAll("(?s).*/q/([A-Za-z0-9_-]+).*", "$1"), Map.of("ENC-1", "Yes"),
				"127.0.0.1");
		browser.get(app("/vendors/questionnaires/" + questionnaire.getId()));
		String flag = waitFor(browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("traffic-contradictions")))
			.getText();
		assertThat(flag).contains("The carrier answered ENC-1 with", "Yes", "sip-udp-sdes-srtp.pcapng",
				"SIP in clear over UDP");
		Browser.get().screenshot(Paths.get("target", "screenshots", "questionnaire-contradiction.png"));
		browser.get(app("/vendors/" + carrier.getId()));
		assertThat(browser.findElement(By.id("questionnaire-contradictions")).getText()).contains("ENC-1");

		HttpResponse<byte[]> pdf = download(browser, captureUrl + "/report.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		PdfReader reader = new PdfReader(pdf.body());
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString()).contains("Capture compliance report", "sip-udp-sdes-srtp.pcapng",
				"CC6.7 Transmission encryption", "Not met", "SDES_KEYS_EXPOSED", carrier.getName());
	}

	private HttpResponse<byte[]> download(WebDriver browser, String url) throws Exception {
		Cookie session = browser.manage().getCookieNamed("JSESSIONID");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
