package io.trunkguard.deprovisioning.hr;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's signature scheme alone: what it accepts and why it refuses. */
class WebhookSignatureTest {

	static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
	static final Duration WINDOW = Duration.ofMinutes(5);
	static final byte[] BODY = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

	WebhookSignature signature = new WebhookSignature("s3cret");

	String ts(Instant at) {
		return Long.toString(at.getEpochSecond());
	}

	@Test
	void acceptsItsOwnSignatureWithinTheWindowInAnyHexCase() {
		String t = ts(NOW.minusSeconds(299));
		assertThat(signature.refusal(t, signature.sign(t, BODY), BODY, NOW, WINDOW)).isEmpty();
		assertThat(signature.refusal(t, signature.sign(t, BODY).toUpperCase(), BODY, NOW, WINDOW)).isEmpty();
	}

	@Test
	void matchesAKnownHmacVector() {
		// printf '1700000000.{"eventId":"e1"}' | openssl dgst -sha256 -hmac s3cret
		assertThat(signature.sign("1700000000", BODY))
			.isEqualTo("sha256=9d40504b786b2c49353a715b3d328ba38d733288f133af5e9a9675f395d3ba53");
	}

	@Test
	void refusesStaleFutureMalformedAndForeignSignatures() {
		String old = ts(NOW.minusSeconds(301));
		assertThat(signature.refusal(old, signature.sign(old, BODY), BODY, NOW, WINDOW)).get()
			.asString()
			.contains("replay");
		String future = ts(NOW.plusSeconds(301));
		assertThat(signature.refusal(future, signature.sign(future, BODY), BODY, NOW, WINDOW)).get()
			.asString()
			.contains("replay");
		String t = ts(NOW);
		assertThat(signature.refusal(t, "md5=abc", BODY, NOW, WINDOW)).contains("malformed signature");
		assertThat(signature.refusal(t, "sha256=zz", BODY, NOW, WINDOW)).contains("malformed signature");
		assertThat(signature.refusal("yesterday", signature.sign(t, BODY), BODY, NOW, WINDOW))
			.contains("malformed timestamp");
		assertThat(signature.refusal(t, new WebhookSignature("other").sign(t, BODY), BODY, NOW, WINDOW))
			.contains("signature mismatch");
		String signedForOtherTime = signature.sign(ts(NOW.minusSeconds(1)), BODY);
		assertThat(signature.refusal(t, signedForOtherTime, BODY, NOW, WINDOW)).contains("signature mismatch");
		assertThat(signature.refusal(null, signature.sign(t, BODY), BODY, NOW, WINDOW)).contains("missing timestamp");
		assertThat(signature.refusal(t, " ", BODY, NOW, WINDOW)).contains("missing signature");
	}

}
