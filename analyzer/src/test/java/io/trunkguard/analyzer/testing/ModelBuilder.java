package io.trunkguard.analyzer.testing;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.correlate.Endpoint;
import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.TlsSummary;
import io.trunkguard.analyzer.correlate.Transport;
import io.trunkguard.analyzer.decode.IpAddress;
import io.trunkguard.analyzer.rules.RuleInput;
import io.trunkguard.analyzer.sip.SipMessage;
import io.trunkguard.analyzer.sip.SipParser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Builds a correlated capture model from SIP message text, the way the pipeline would.
 */
public final class ModelBuilder {

	private final Correlator correlator = new Correlator(1000, 1000, 1000);

	private long frame;

	private long firstTs;

	private long lastTs;

	public static Endpoint ep(String ip, int port) {
		return new Endpoint(IpAddress.parse(ip), port);
	}

	public Leg leg(Transport t, Endpoint a, Endpoint b) {
		return correlator.leg(t + a.toString() + b, t, a, b);
	}

	/**
	 * Feeds one SIP message sent at {@code seconds} over {@code leg} from {@code src} to
	 * {@code dst}.
	 */
	public SipMessage sip(Leg leg, Endpoint src, Endpoint dst, double seconds, String text) {
		byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
		SipMessage m = SipParser.parse(b, 0, b.length);
		if (m == null) {
			throw new IllegalArgumentException("not SIP: " + text);
		}
		m.frame = ++frame;
		m.timestampNanos = (long) (seconds * 1e9) + 1_700_000_000_000_000_000L;
		if (firstTs == 0) {
			firstTs = m.timestampNanos;
		}
		lastTs = m.timestampNanos;
		correlator.onSip(leg, m, src, dst);
		return m;
	}

	public long nextFrame() {
		return ++frame;
	}

	public Correlator correlator() {
		return correlator;
	}

	public RuleInput input() {
		correlator.finish();
		return new RuleInput(correlator.legs(), correlator.dialogs().values(), correlator.unmatchedMedia(),
				correlator.activity().values(), firstTs == 0 ? Instant.parse("2026-11-01T00:00:00Z") : instant(firstTs),
				lastTs == 0 ? null : instant(lastTs));
	}

	private static Instant instant(long n) {
		return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
	}

	/** TLS facts as the tls package would report them. */
	public static TlsSummary tls(String version, int suite, String suiteName, String strength,
			List<TlsSummary.Certificate> certs, boolean certsEncrypted) {
		return new TlsSummary(version, 0x0303, suite, suiteName, strength, "sip.example.test", List.of(), certs,
				certsEncrypted, true, false, null, false, List.of(), 1, 2, certs.isEmpty() ? 0 : 3, null, null);
	}

	public static TlsSummary.Certificate cert(String subject, String issuer, Instant notAfter, boolean selfSigned,
			String keyAlg, int bits, String sigAlg) {
		return new TlsSummary.Certificate(subject, issuer, "01", notAfter.minusSeconds(365L * 86400), notAfter,
				selfSigned, keyAlg, bits, sigAlg, sigAlg.startsWith("SHA1") || sigAlg.startsWith("MD5"),
				"RSA".equals(keyAlg) ? bits < 2048 : bits < 256, "ab", List.of());
	}

}
