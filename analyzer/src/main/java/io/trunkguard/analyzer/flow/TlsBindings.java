package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.correlate.Leg;
import io.trunkguard.analyzer.correlate.MediaStream;
import io.trunkguard.analyzer.correlate.TlsSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Remembers each TLS connection with its leg and each DTLS association with its media
 * flow, and copies their facts into the model: a leg gets its TLS summary, a media stream
 * the DTLS handshake and use_srtp profile seen on it. Bounded: beyond the cap sessions
 * are still parsed but their facts are not copied.
 */
final class TlsBindings {

	static final int CAP = 100_000;

	/** A TLS/DTLS session with what its facts should be copied into when it ends. */
	private record Binding(TlsSupport.Session session, Leg leg, Supplier<MediaStream> media) {
	}

	private final List<Binding> bindings = new ArrayList<>();

	void stream(TlsSupport.Session session, Leg leg) {
		if (bindings.size() < CAP) {
			bindings.add(new Binding(session, leg, null));
		}
	}

	/** {@code media} is asked at the end: the flow may be tied to a stream later. */
	void datagram(TlsSupport.Session session, Supplier<MediaStream> media) {
		if (bindings.size() < CAP) {
			bindings.add(new Binding(session, null, media));
		}
	}

	/** Copies every session's facts. */
	void finish() {
		for (Binding t : bindings) {
			if (t.leg() != null) {
				t.leg().tls = t.session().summary();
			}
			else if (t.media() != null) {
				applyDtls(t.session(), t.media().get());
			}
		}
	}

	/** Copies a DTLS association's handshake facts into its media stream. */
	static void applyDtls(TlsSupport.Session session, MediaStream media) {
		if (media == null) {
			return;
		}
		TlsSummary s = session.summary();
		if (s.serverHelloFrame() > 0 || s.handshakeComplete()) {
			media.dtlsHandshake = true;
			media.dtlsHandshakeFrame = s.serverHelloFrame() > 0 ? s.serverHelloFrame() : s.clientHelloFrame();
			media.dtlsVersion = s.version();
			if (s.useSrtp()) {
				media.dtlsUseSrtp = true;
				if (!s.srtpProfiles().isEmpty()) {
					media.dtlsSrtpProfile = s.srtpProfiles().get(0);
				}
			}
		}
	}

}
