package io.trunkguard.questionnaire.web;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.notification.MessageKind;
import io.trunkguard.notification.Outbox;
import io.trunkguard.notification.OutboxFilter;
import io.trunkguard.questionnaire.Questionnaire;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire link through real HTTP, as a carrier's contact and as someone
 * guessing links: only a live token opens its questionnaire, every other link gets one
 * neutral page, the page links nowhere else and opens no other URL, guessing from one
 * address is blocked, and the token is written to no log.
 */
@EmbeddedDefaultTest
@ExtendWith(OutputCaptureExtension.class)
class QuestionnaireLinkSecurityIntegrationTest {

	private static final Pattern LINK = Pattern.compile("/q/([A-Za-z0-9_-]{43})");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	VendorService vendors;

	@Autowired
	Outbox outbox;

	@Autowired
	AuditEntries audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LinkThrottle throttle;

	@AfterEach
	void forgetWrongTries() {
		throttle.clear();
	}

	Vendor carrier() {
		return vendors.all().get(0);
	}

	/**
	 * Sends a questionnaire and reads its link from the outbox, as the contact's mail.
	 */
	String send(Questionnaire[] sent) {
		Vendor vendor = carrier();
		Questionnaire q = questionnaires.send(vendor.getId(), null, null, "Link Tester", "links@carrier.example",
				"compliance-lead");
		sent[0] = q;
		return tokenOf(q);
	}

	String tokenOf(Questionnaire q) {
		String body = outbox.search(new OutboxFilter(null, MessageKind.QUESTIONNAIRE_LINK), PageRequest.of(0, 200))
			.getContent()
			.stream()
			.filter(m -> m.getKind() == MessageKind.QUESTIONNAIRE_LINK
					&& m.getReferenceId().equals(q.getId().toString()))
			.findFirst()
			.orElseThrow()
			.getBody();
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	HttpClient client() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("the page carries a CSRF token").isTrue();
		return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
	}

	@Test
	void aLiveLinkOpensOnlyItsQuestionnaireSavesSubmitsOnceAndThenShowsAReceipt(CapturedOutput output)
			throws Exception {
		Questionnaire[] sent = new Questionnaire[1];
		String token = send(sent);
		HttpClient contact = client();

		HttpResponse<String> page = get(contact, "/q/" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Voice carrier security questionnaire", carrier().getName());
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		List<String> targets = new ArrayList<>();
		Matcher links = Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(page.body());
		while (links.find()) {
			targets.add(links.group(1));
		}
		assertThat(targets).isNotEmpty()
			.allSatisfy(t -> assertThat(t.startsWith("/q/" + token) || t.startsWith("/css/")).as(t).isTrue());

		HttpResponse<String> saved = post(contact, "/q/" + token,
				"_csrf=" + csrf(page.body()) + "&action=save&a_ENC-1=Yes&a_ACC-1=No");
		assertThat(saved.statusCode()).isEqualTo(302);
		HttpResponse<String> again = get(contact, "/q/" + token + "?saved");
		assertThat(again.body()).contains("Your answers were saved");
		HttpResponse<String> submitted = post(contact, "/q/" + token,
				"_csrf=" + csrf(again.body()) + "&action=submit&a_ENC-2=TLS+1.2");
		assertThat(submitted.statusCode()).isEqualTo(302);
		HttpResponse<String> receipt = get(contact, "/q/" + token);
		assertThat(receipt.body()).contains("This page is your receipt").doesNotContain("submit-answers");

		HttpResponse<String> reused = post(contact, "/q/" + token,
				"_csrf=" + csrf(receipt.body()) + "&action=submit&a_ENC-1=No");
		assertThat(reused.statusCode()).isEqualTo(404);
		assertThat(reused.body()).contains("This link does not open a questionnaire");
		assertThat(questionnaires.get(sent[0].getId()).answer("ENC-1"))
			.hasValueSatisfying(a -> assertThat(a.value()).isEqualTo("Yes"));

		// the contact's session reaches nothing else
		assertThat(get(contact, "/vendors/board").statusCode()).isEqualTo(302);
		assertThat(get(contact, "/vendors/" + carrier().getId()).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(get(contact, "/api/vendors").statusCode()).isEqualTo(401);

		// every open, save and submit is audited with the source address; the token
		// nowhere
		assertThat(audit.search(null, null, "Questionnaire", sent[0].getId().toString(), null, null,
				PageRequest.of(0, 50)))
			.extracting(e -> e.getAction())
			.contains("QUESTIONNAIRE_OPENED", "QUESTIONNAIRE_SAVED", "QUESTIONNAIRE_SUBMITTED");
		assertThat(audit.search(null, "QUESTIONNAIRE_SUBMITTED", "Questionnaire", sent[0].getId().toString(), null,
				null, PageRequest.of(0, 1)))
			.singleElement()
			.satisfies(e -> assertThat(e.getDetails()).contains("127.0.0.1").doesNotContain(token));
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where details like ?", Integer.class,
				"%" + token + "%"))
			.isZero();
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void expiredRevokedReplacedGuessedTruncatedAndTamperedLinksAllGetTheSameNeutralPage() throws Exception {
		Questionnaire[] a = new Questionnaire[1];
		String expired = send(a);
		jdbc.update("update questionnaire set expires_at = ? where id = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), a[0].getId());
		Questionnaire[] b = new Questionnaire[1];
		String revoked = send(b);
		questionnaires.revoke(b[0].getId(), "compliance-lead");
		Questionnaire[] c = new Questionnaire[1];
		String replaced = send(c);
		questionnaires.resend(c[0].getId(), "compliance-lead");
		String current = tokenOf(questionnaires.get(c[0].getId()));
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String guessed = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String truncated = current.substring(0, 42);
		char last = current.charAt(42);
		String tampered = current.substring(0, 42) + (last == 'A' ? 'B' : 'A');

		HttpClient client = client();
		String neutral = null;
		for (String token : List.of(expired, revoked, replaced, guessed, truncated, tampered, current + "A", "x",
				"%2e%2e")) {
			HttpResponse<String> response = get(client, "/q/" + token);
			assertThat(response.statusCode()).as(token).isEqualTo(404);
			String body = response.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
			if (neutral == null) {
				neutral = body;
			}
			assertThat(body).as("the same page for " + token).isEqualTo(neutral);
		}
		assertThat(neutral).contains("This link does not open a questionnaire");
		assertThat(get(client, "/q/" + current).statusCode()).isEqualTo(200);
	}

	@Test
	void aThousandWrongTokensFromOneAddressAreBlockedAndTheBlockHoldsForLiveLinksToo() throws Exception {
		Questionnaire[] sent = new Questionnaire[1];
		String live = send(sent);
		HttpClient guesser = client();
		int notFound = 0;
		int blocked = 0;
		byte[] random = new byte[32];
		SecureRandom rng = new SecureRandom();
		for (int i = 0; i < 1000; i++) {
			rng.nextBytes(random);
			int status = get(guesser, "/q/" + Base64.getUrlEncoder().withoutPadding().encodeToString(random))
				.statusCode();
			if (status == 404) {
				notFound++;
			}
			else if (status == 429) {
				blocked++;
			}
		}
		assertThat(notFound).isLessThanOrEqualTo(20);
		assertThat(blocked).isEqualTo(1000 - notFound);
		HttpResponse<String> liveWhileBlocked = get(guesser, "/q/" + live);
		assertThat(liveWhileBlocked.statusCode()).isEqualTo(429);
		assertThat(liveWhileBlocked.headers().firstValue("Retry-After")).isPresent();
		throttle.clear();
		assertThat(get(guesser, "/q/" + live).statusCode()).isEqualTo(200);
	}

}
