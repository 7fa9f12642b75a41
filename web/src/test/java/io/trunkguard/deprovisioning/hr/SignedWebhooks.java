package io.trunkguard.deprovisioning.hr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * For tests outside this package that act as the HR system: the headers of a signed
 * termination event, made with the webhook's own signature scheme.
 */
public final class SignedWebhooks {

	public static final String PATH = "/hr/events/termination";

	private final WebhookSignature signature;

	public SignedWebhooks(String secret) {
		this.signature = new WebhookSignature(secret);
	}

	/** A termination event of the person with this HR id, effective at the given time. */
	public static byte[] termination(String eventId, String hrId, Instant effectiveAt) {
		return """
				{"eventId": "%s", "hrId": "%s", "effectiveAt": "%s", "type": "termination"}
				""".formatted(eventId, hrId, effectiveAt).getBytes(StandardCharsets.UTF_8);
	}

	/** Header names and values, alternating, for a body signed now. */
	public String[] headers(byte[] body) {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return new String[] { "Content-Type", "application/json", WebhookSignature.TIMESTAMP_HEADER, timestamp,
				WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, body) };
	}

	/**
	 * Waits (at most 30 s) until the intake worker has written every recorded delivery to
	 * its case: the webhook and SCIM answer before the case is written (issue 16).
	 */
	public static void awaitIntake(org.springframework.jdbc.core.JdbcTemplate jdbc) throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			Integer pending = jdbc.queryForObject("select count(*) from termination_intake where attempts = 0",
					Integer.class);
			if (pending == null || pending == 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the intake worker did not write the recorded terminations within 30 s");
	}

}
