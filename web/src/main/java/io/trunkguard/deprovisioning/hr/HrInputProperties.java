package io.trunkguard.deprovisioning.hr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of the HR webhook ({@code trunkguard.hr.*}). The secret comes from the
 * environment: {@code TRUNKGUARD_HR_WEBHOOK_SECRET} binds to
 * {@code trunkguard.hr.webhook.secret}; unset, the webhook is off (503).
 *
 * @param webhook the shared HMAC-SHA256 key of the webhook
 * @param maxAge signed requests older (or further in the future) than this are refused as
 * replays
 * @param maxBody larger events are refused with 413
 * @param maxRoster larger roster files are refused with 413
 */
@ConfigurationProperties("trunkguard.hr")
record HrInputProperties(@DefaultValue Webhook webhook, @DefaultValue("5m") Duration maxAge,
		@DefaultValue("64KB") DataSize maxBody, @DefaultValue("5MB") DataSize maxRoster) {

	record Webhook(String secret) {
	}

	boolean webhookEnabled() {
		return webhook.secret() != null && !webhook.secret().isBlank();
	}

	String webhookSecret() {
		return webhook.secret();
	}
}
