package io.trunkguard.notification;

import io.trunkguard.shared.InvalidStateException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A message's delivery state: pending, kept, sent, retried with a doubling wait, failed
 * but never dropped.
 */
class OutboxMessageTest {

	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	static MailDraft draft(String email) {
		return new MailDraft(MessageKind.REVIEW_REMINDER, new Recipient("olga", "Olga Owner", email), "subject", "body",
				"ReviewCampaign", "c-1");
	}

	@Test
	void isPendingWithSmtpAndKeptInTheOutboxWithout() {
		OutboxMessage pending = OutboxMessage.of(draft("olga@example.test"), true, NOW);
		OutboxMessage kept = OutboxMessage.of(draft("olga@example.test"), false, NOW);

		assertThat(pending.getStatus()).isEqualTo(MessageStatus.PENDING);
		assertThat(pending.isDue(NOW)).isTrue();
		assertThat(kept.getStatus()).isEqualTo(MessageStatus.KEPT_IN_OUTBOX);
		assertThat(kept.isDue(NOW)).isFalse();
	}

	@Test
	void isFailedWithTheReasonWhenNoAddressIsKnown() {
		OutboxMessage message = OutboxMessage.of(draft(null), true, NOW);

		assertThat(message.getStatus()).isEqualTo(MessageStatus.FAILED);
		assertThat(message.getLastError()).isEqualTo("no e-mail address known for Olga Owner (olga)");
		assertThatThrownBy(() -> message.requeue(NOW)).isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("no recipient address");
	}

	@Test
	void countsFailedAttemptsWaitsLongerEachTimeAndFailsAfterTheLast() {
		NotificationProperties properties = new NotificationProperties("http://x", "a@b.test", java.util.List.of(),
				java.time.ZoneOffset.UTC, 3, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(5),
				Duration.ofSeconds(30));
		OutboxMessage message = OutboxMessage.of(draft("olga@example.test"), true, NOW);

		message.recordFailure("connection refused", NOW, properties.retryAfter(1), properties.maxAttempts());
		assertThat(message.getStatus()).isEqualTo(MessageStatus.PENDING);
		assertThat(message.getAttempts()).isEqualTo(1);
		assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(message.isDue(NOW)).isFalse();

		message.recordFailure("554 refused", NOW, properties.retryAfter(2), properties.maxAttempts());
		assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));

		message.recordFailure("554 refused", NOW, properties.retryAfter(3), properties.maxAttempts());
		assertThat(message.getStatus()).isEqualTo(MessageStatus.FAILED);
		assertThat(message.getAttempts()).isEqualTo(3);
		assertThat(message.getLastError()).isEqualTo("554 refused");
		assertThat(message.getNextAttemptAt()).isNull();
	}

	@Test
	void doublesTheWaitUpToTheLongest() {
		NotificationProperties properties = NotificationProperties.defaults();

		assertThat(properties.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(properties.retryAfter(7)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.retryAfter(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void queuesAFailedMessageAgainButNotAPendingOrSentOne() {
		OutboxMessage message = OutboxMessage.of(draft("olga@example.test"), true, NOW);
		assertThatThrownBy(() -> message.requeue(NOW)).isInstanceOf(InvalidStateException.class);
		message.recordFailure("refused", NOW, Duration.ofMinutes(1), 1);

		message.requeue(NOW.plusSeconds(60));

		assertThat(message.getStatus()).isEqualTo(MessageStatus.PENDING);
		assertThat(message.getAttempts()).isZero();
		assertThat(message.isDue(NOW.plusSeconds(60))).isTrue();
		message.markSent(NOW.plusSeconds(61));
		assertThat(message.getStatus()).isEqualTo(MessageStatus.SENT);
		assertThat(message.getAttempts()).isEqualTo(1);
		assertThat(message.getLastError()).isNull();
		assertThatThrownBy(() -> message.requeue(NOW)).isInstanceOf(InvalidStateException.class);
	}

	@Test
	void cutsAnOverlongBodyInsteadOfFailingTheEvent() {
		MailDraft long_ = new MailDraft(MessageKind.REVIEW_REMINDER, new Recipient("olga", "Olga", "o@example.test"),
				"s".repeat(500), "b".repeat(20_000), "ReviewCampaign", "c-1");

		OutboxMessage message = OutboxMessage.of(long_, true, NOW);

		assertThat(message.getSubject()).hasSize(OutboxMessage.MAX_SUBJECT).endsWith("…");
		assertThat(message.getBody()).hasSize(OutboxMessage.MAX_BODY).endsWith("…");
	}

}
