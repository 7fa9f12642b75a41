package io.trunkguard.analyzer.tls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over the TLS/DTLS parser: arbitrary bytes in arbitrary chunks, both directions,
 * with a key log so that decryption paths run too. TlsConnection catches unexpected
 * exceptions and reports them as "parser error" damage; that must never happen, so it
 * fails the run here. Without JAZZER_FUZZ the test runs once on an empty input
 * (regression mode, fast); a real run:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl analyzer test -Dtest=TlsConnectionFuzzTest}.
 */
class TlsConnectionFuzzTest {

	private static final KeyLog KEYS = TestPcap.keyLog("tls12-ecdhe-cbc-etm");

	@FuzzTest(maxDuration = "30s")
	void neverFailsInternally(FuzzedDataProvider data) {
		boolean datagram = data.consumeBoolean();
		TlsConnection c = datagram ? TlsConnection.datagram(KEYS) : TlsConnection.stream(KEYS);
		c.setPlaintextListener((side, buf, off, len, frame) -> {
			if (off < 0 || len < 0 || off + len > buf.length) {
				throw new IllegalStateException("listener got an invalid range");
			}
		});
		long frame = 0;
		while (data.remainingBytes() > 0) {
			Side side = data.consumeBoolean() ? Side.A : Side.B;
			if (!datagram && data.consumeInt(0, 15) == 0) {
				c.onStreamGap(side, frame);
			}
			byte[] chunk = data.consumeBytes(data.consumeInt(1, 2000));
			frame++;
			if (datagram) {
				c.onDatagram(side, chunk, 0, chunk.length, frame);
			}
			else {
				c.onStreamData(side, chunk, 0, chunk.length, frame);
			}
			TlsSniffer.looksLikeTls(chunk, 0, chunk.length);
			TlsSniffer.looksLikeDtls(chunk, 0, chunk.length);
		}
		TlsFacts f = c.facts();
		if (f.damage() != null && f.damage().contains("parser error")) {
			throw new IllegalStateException(f.damage());
		}
	}

}
