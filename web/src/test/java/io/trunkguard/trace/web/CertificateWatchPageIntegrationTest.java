package io.trunkguard.trace.web;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.trunkguard.security.Role;
import io.trunkguard.security.apitoken.ApiTokens;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate watch page over real HTTP on PostgreSQL: a lead adds a PEM certificate
 * by hand, sees it listed by expiry, and exports the watch list as PDF and XLSX, each
 * kept as CC6.7 and CC7.2 evidence dated today; garbage is refused with a sentence, and
 * an auditor may read the page but not export.
 */
@CaptureTestContext
class CertificateWatchPageIntegrationTest {

	static final Path CERTS = Path.of("../analyzer/src/test/resources/tls/certs");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void addsACertificateByHandListsItAndExportsTheWatchAsEvidence() throws Exception {
		LocalDate expiry = LocalDate.now().plusDays(7);
		String lead = tokens.create("certificates-lead-" + run, Role.COMPLIANCE_LEAD, expiry, "admin").secret();
		String auditor = tokens.create("certificates-auditor-" + run, Role.AUDITOR, expiry, "admin").secret();

		MultipartUpload pem = new MultipartUpload().field("endpoint", "sbc.example.test:5061")
			.file("file", CERTS.resolve("impostor.pem"));
		HttpResponse<String> added = http.send(
				request(lead, "/certificates").header("Content-Type", pem.contentType()).POST(pem.body()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(added.statusCode()).isEqualTo(302);
		HttpResponse<String> page = http.send(request(auditor, "/certificates").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("sbc.example.test:5061", "Certificate watch");

		MultipartUpload garbage = new MultipartUpload().file("file",
				java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("not-a-cert", ".pem"), "hello"));
		HttpResponse<String> refused = http
			.send(request(lead, "/certificates").header("Content-Type", garbage.contentType())
				.POST(garbage.body())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(302);

		HttpResponse<byte[]> pdf = export(lead, "PDF");
		assertThat(pdf.statusCode()).isEqualTo(200);
		// every page: the shared context may watch other certificates that expire sooner
		PdfReader reader = new PdfReader(pdf.body());
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder pages = new StringBuilder();
		for (int number = 1; number <= reader.getNumberOfPages(); number++) {
			pages.append(extractor.getTextFromPage(number)).append('\n');
		}
		String text = pages.toString();
		assertThat(text).contains("Certificate export: all carriers", "sbc.example.test:5061");
		HttpResponse<byte[]> xlsx = export(lead, "XLSX");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(9).getStringCellValue())
				.isEqualTo("SHA-256 fingerprint");
			assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
		}
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(jdbc.queryForList(
				"select controls from evidence_item where title like 'Certificate export (%) of all carriers on "
						+ today + "' and evidenced_from = ? and evidenced_to = ?",
				String.class, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today)))
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(controls -> assertThat(controls).contains("CC6.7", "CC7.2"));
		assertThat(export(auditor, "PDF").statusCode()).as("an auditor reads, does not export").isEqualTo(403);
	}

	private HttpResponse<byte[]> export(String token, String format) throws Exception {
		return http
			.send(request(token, "/certificates/export").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("format=" + format))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder request(String token, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token);
	}

}
