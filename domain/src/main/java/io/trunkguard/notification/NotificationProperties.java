package io.trunkguard.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Settings of notification ({@code trunkguard.notification.*}). SMTP itself is Spring
 * Boot's {@code spring.mail.*}: without {@code spring.mail.host} nothing is sent and
 * messages stay in the outbox.
 *
 * @param baseUrl the address people open Trunkguard at, for the links in mail; unset, the
 * server's own address and port ({@link MailLinkBase})
 * @param from the sender address
 * @param complianceLeads usernames of the compliance leads who receive escalations
 * addressed to the group
 * @param zone the time zone dates are written in
 * @param maxAttempts SMTP attempts before a message is FAILED (it stays in the outbox and
 * can be sent again)
 * @param firstRetryAfter wait after the first failed attempt; doubled after each further
 * one
 * @param maxRetryAfter the longest wait between attempts
 * @param lease how long a sender holds a message it is sending before another may try it
 * @param dispatchInterval how often PENDING messages are looked for (besides right after
 * each commit)
 */
@ConfigurationProperties("trunkguard.notification")
record NotificationProperties(String baseUrl, @DefaultValue("trunkguard@localhost") String from,
		@DefaultValue("compliance-lead") List<String> complianceLeads, @DefaultValue("UTC") ZoneId zone,
		@DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration firstRetryAfter,
		@DefaultValue("1h") Duration maxRetryAfter, @DefaultValue("5m") Duration lease,
		@DefaultValue("30s") Duration dispatchInterval) {

	NotificationProperties {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? null
				: baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		complianceLeads = List.copyOf(complianceLeads);
		if (maxAttempts < 1) {
			throw new IllegalArgumentException(
					"trunkguard.notification.max-attempts must be at least 1, not " + maxAttempts);
		}
	}

	/** The embedded default's settings (for tests that build the parts by hand). */
	static NotificationProperties defaults() {
		return new NotificationProperties("http://127.0.0.1:8080", "trunkguard@localhost", List.of("compliance-lead"),
				ZoneId.of("UTC"), 8, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5),
				Duration.ofSeconds(30));
	}

	/**
	 * Wait before the next attempt after {@code attempts} failed ones: 1, 2, 4, ... times
	 * the first wait, capped.
	 */
	Duration retryAfter(int attempts) {
		Duration wait = firstRetryAfter;
		for (int i = 1; i < attempts && wait.compareTo(maxRetryAfter) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
	}
}
