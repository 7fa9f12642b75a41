package io.trunkguard.deprovisioning.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.trunkguard.EmbeddedDefaultTest;

/**
 * Over real HTTP with a form login, as a browser sends it: a roster beyond the server's
 * multipart limit (17 MB) is not met by Spring's generic error page but sent back to the
 * upload page with a clear message; nothing is imported.
 */
@EmbeddedDefaultTest
class RosterUploadLimitIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRosterBeyondTheServersMultipartLimitComesBackAsAClearMessageOnTheUploadPage() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = browser
			.send(HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String form = "username=compliance-lead&password="
				+ URLEncoder.encode(EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ csrfOf(login);
		browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String page = browser
			.send(HttpRequest.newBuilder(url("/deprovisioning/roster")).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("roster-form");
		String token = csrfOf(page);
		long rostersBefore = rosters();

		byte[] huge = new byte[18 * 1024 * 1024];
		Arrays.fill(huge, (byte) 'x');
		System.arraycopy("hr_id\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 6);
		HttpResponse<String> tooLarge = browser.send(multipartPost("/deprovisioning/roster?_csrf=" + token, huge),
				HttpResponse.BodyHandlers.ofString());

		assertThat(tooLarge.statusCode()).isEqualTo(302);
		String location = tooLarge.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/deprovisioning/roster?refused=too-large");
		HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("id=\"roster-error\"")
			.contains("The file is larger than 5120 KB: nothing imported.")
			.contains("roster-form");
		assertThat(rosters()).isEqualTo(rostersBefore);
	}

	private long rosters() {
		return jdbc.queryForObject("select count(*) from audit_entry where action = 'HR_ROSTER_UPLOADED'", Long.class);
	}

	@Test
	void theUploadFormCarriesItsCsrfTokenInTheBodyNotInTheAddress() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = browser
			.send(HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String form = "username=compliance-lead&password="
				+ URLEncoder.encode(EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ csrfOf(login);
		browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String page = browser
			.send(HttpRequest.newBuilder(url("/deprovisioning/roster")).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("action=\"/deprovisioning/roster\"").doesNotContain("roster?_csrf=");
		byte[] badRoster = "hr_id,end_date\nHR-1001,not-a-date\n".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> withoutToken = browser.send(multipartPost("/deprovisioning/roster", null, badRoster),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> withToken = browser.send(multipartPost("/deprovisioning/roster", csrfOf(page), badRoster),
				HttpResponse.BodyHandlers.ofString());

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withToken.statusCode()).isEqualTo(400);
		assertThat(withToken.body()).contains("id=\"roster-line-errors\"")
			.contains("line 2: end_date is not an ISO date");
	}

	private HttpRequest multipartPost(String path, byte[] content) {
		return multipartPost(path, null, content);
	}

	private HttpRequest multipartPost(String path, String csrfToken, byte[] content) {
		String boundary = "----trunkguard" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (csrfToken != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
						+ "Content-Type: text/csv\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String csrfOf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (token.find()) {
			return token.group(1);
		}
		Matcher inAction = Pattern.compile("_csrf=([^\"&]+)").matcher(page);
		assertThat(inAction.find()).as("a CSRF token on the page").isTrue();
		return inAction.group(1);
	}

}
