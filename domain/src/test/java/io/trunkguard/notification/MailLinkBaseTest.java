package io.trunkguard.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class MailLinkBaseTest {

	@Test
	void linksToTheServersOwnAddressAndPortWhenNoBaseUrlIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1")
			.withProperty("server.port", "8092");

		assertThat(new MailLinkBase(properties(null), environment).get()).isEqualTo("http://127.0.0.1:8092");
	}

	@Test
	void prefersThePortTheServerActuallyListensOn() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0")
			.withProperty("local.server.port", "41234")
			.withProperty("server.servlet.context-path", "/tg/");

		assertThat(new MailLinkBase(properties(null), environment).get()).isEqualTo("http://127.0.0.1:41234/tg");
	}

	@Test
	void writesHttpsAndBracketsAnIpv6Address() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "::1")
			.withProperty("server.port", "8443")
			.withProperty("server.ssl.enabled", "true");

		assertThat(new MailLinkBase(properties(null), environment).get()).isEqualTo("https://[::1]:8443");
	}

	@Test
	void keepsAConfiguredBaseUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8092");

		assertThat(new MailLinkBase(properties("https://trunkguard.example.test/"), environment).get())
			.isEqualTo("https://trunkguard.example.test");
	}

	@Test
	void mailTextsLinkToTheDerivedAddress() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8092");
		NotificationProperties properties = properties(null);

		MailTexts texts = new MailTexts(properties, new MailLinkBase(properties, environment));

		MailDraft mail = texts.reviewReminder(new Recipient("olga", "Olga Owner", "olga@example.test"), "c1",
				"Q4 2026 access review", 3, java.time.Instant.parse("2026-12-11T17:00:00Z"));

		assertThat(mail.body()).contains("Open your inbox: http://127.0.0.1:8092/reviews/c1/inbox\n");
	}

	private static NotificationProperties properties(String baseUrl) {
		return new NotificationProperties(baseUrl, "trunkguard@localhost", List.of("compliance-lead"), ZoneId.of("UTC"),
				8, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30));
	}

}
