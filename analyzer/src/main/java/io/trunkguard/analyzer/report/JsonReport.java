package io.trunkguard.analyzer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trunkguard.analyzer.report.TraceReport.AnalyzerInfo;
import io.trunkguard.analyzer.report.TraceReport.Capture;
import io.trunkguard.analyzer.report.TraceReport.CertView;
import io.trunkguard.analyzer.report.TraceReport.DamageView;
import io.trunkguard.analyzer.report.TraceReport.DialogView;
import io.trunkguard.analyzer.report.TraceReport.LegView;
import io.trunkguard.analyzer.report.TraceReport.MediaView;
import io.trunkguard.analyzer.report.TraceReport.PacketsView;
import io.trunkguard.analyzer.report.TraceReport.Stats;
import io.trunkguard.analyzer.report.TraceReport.Summary;
import io.trunkguard.analyzer.report.TraceReport.TlsView;
import io.trunkguard.analyzer.rules.Finding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TraceReport} as JSON, field by field in the records' component order
 * and in the layout of Jackson's default pretty printer (the test suite checks both agree
 * byte for byte). Written by hand because setting up Jackson's serializers (some 500
 * classes, reflection over every record) cost about a quarter of a second of a
 * single-threaded tail on every command-line run.
 */
public final class JsonReport {

	private JsonReport() {
	}

	public static String toJson(TraceReport report) {
		StringWriter w = new StringWriter(1 << 14);
		try {
			new Out(w, false).report(report);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return w.toString();
	}

	/** Writes the report as UTF-8 to {@code out}, flushes it and leaves it open. */
	public static void write(TraceReport report, OutputStream out) throws IOException {
		Writer w = new Utf8Writer(out);
		new Out(w, true).report(report);
		w.flush();
	}

	/**
	 * A Jackson mapper configured like the writer (pretty printed), for callers that read
	 * reports back.
	 */
	public static ObjectMapper mapper() {
		return MapperHolder.MAPPER;
	}

	private static final class MapperHolder {

		static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

	}

	/**
	 * The pretty printer: objects one field per line indented by two spaces per level,
	 * arrays inline.
	 */
	private static final class Out {

		private static final char[] HEX = "0123456789ABCDEF".toCharArray();

		private final Writer w;

		/**
		 * Jackson's byte output escapes surrogates (characters beyond the BMP) as two
		 * backslash-u escapes.
		 */
		private final boolean escapeSurrogates;

		private int level;

		/** Whether the current object has a field written already. */
		private boolean[] hasField = new boolean[16];

		/** Legs' media objects as written the first time, by view. */
		private final Map<MediaView, Object> written = new IdentityHashMap<>();

		Out(Writer w, boolean escapeSurrogates) {
			this.w = w;
			this.escapeSurrogates = escapeSurrogates;
		}

		// structure

		private void begin() throws IOException {
			w.write('{');
			level++;
			if (level >= hasField.length) {
				hasField = java.util.Arrays.copyOf(hasField, hasField.length * 2);
			}
			hasField[level] = false;
		}

		private void end() throws IOException {
			boolean any = hasField[level];
			level--;
			if (any) {
				newline();
			}
			else {
				w.write(' ');
			}
			w.write('}');
		}

		private void newline() throws IOException {
			w.write('\n');
			for (int i = 0; i < level; i++) {
				w.write("  ");
			}
		}

		private void name(String name) throws IOException {
			if (hasField[level]) {
				w.write(',');
			}
			hasField[level] = true;
			newline();
			string(name);
			w.write(" : ");
		}

		private <T> void array(List<T> items, Element<T> element) throws IOException {
			if (items == null) {
				w.write("null");
				return;
			}
			if (items.isEmpty()) {
				w.write("[ ]");
				return;
			}
			w.write("[ ");
			boolean first = true;
			for (T item : items) {
				if (!first) {
					w.write(", ");
				}
				first = false;
				if (item == null) {
					w.write("null");
				}
				else {
					element.write(item);
				}
			}
			w.write(" ]");
		}

		private interface Element<T> {

			void write(T t) throws IOException;

		}

		// scalars

		private void string(String s) throws IOException {
			if (s == null) {
				w.write("null");
				return;
			}
			w.write('"');
			int from = 0;
			int n = s.length();
			for (int i = 0; i < n; i++) {
				char c = s.charAt(i);
				if (c >= 0x20 && c != '"' && c != '\\' && !(escapeSurrogates && Character.isSurrogate(c))) {
					continue;
				}
				w.write(s, from, i - from);
				from = i + 1;
				switch (c) {
					case '"' -> w.write("\\\"");
					case '\\' -> w.write("\\\\");
					case '\b' -> w.write("\\b");
					case '\t' -> w.write("\\t");
					case '\n' -> w.write("\\n");
					case '\f' -> w.write("\\f");
					case '\r' -> w.write("\\r");
					default -> {
						w.write("\\u");
						w.write(HEX[c >> 12]);
						w.write(HEX[(c >> 8) & 0xF]);
						w.write(HEX[(c >> 4) & 0xF]);
						w.write(HEX[c & 0xF]);
					}
				}
			}
			w.write(s, from, n - from);
			w.write('"');
		}

		private void field(String name, String value) throws IOException {
			name(name);
			string(value);
		}

		private void field(String name, long value) throws IOException {
			name(name);
			w.write(Long.toString(value));
		}

		private void field(String name, boolean value) throws IOException {
			name(name);
			w.write(value ? "true" : "false");
		}

		private void field(String name, Integer value) throws IOException {
			name(name);
			w.write(value == null ? "null" : value.toString());
		}

		private void field(String name, Double value) throws IOException {
			name(name);
			if (value == null) {
				w.write("null");
			}
			else if (value.isNaN() || value.isInfinite()) {
				string(value.toString()); // as Jackson writes them (WRITE_NAN_AS_STRINGS)
			}
			else {
				w.write(value.toString());
			}
		}

		private void strings(String name, List<String> values) throws IOException {
			name(name);
			array(values, this::string);
		}

		private void counts(String name, Map<String, Long> counts) throws IOException {
			name(name);
			if (counts == null) {
				w.write("null");
				return;
			}
			begin();
			for (Map.Entry<String, Long> e : counts.entrySet()) {
				name(e.getKey());
				w.write(e.getValue() == null ? "null" : e.getValue().toString());
			}
			end();
		}

		private <T> void object(String name, T value, Element<T> body) throws IOException {
			name(name);
			object(value, body);
		}

		private <T> void object(T value, Element<T> body) throws IOException {
			if (value == null) {
				w.write("null");
				return;
			}
			begin();
			body.write(value);
			end();
		}

		private <T> void objects(String name, List<T> values, Element<T> body) throws IOException {
			name(name);
			array(values, v -> object(v, body));
		}

		// the report

		void report(TraceReport r) throws IOException {
			object(r, this::reportFields);
		}

		private void reportFields(TraceReport r) throws IOException {
			field("schemaVersion", r.schemaVersion());
			object("analyzer", r.analyzer(), this::analyzer);
			object("capture", r.capture(), this::capture);
			object("stats", r.stats(), this::stats);
			objects("dialogs", r.dialogs(), this::dialog);
			objects("legs", r.legs(), this::leg);
			objects("unmatchedMedia", r.unmatchedMedia(), this::media);
			objects("findings", r.findings(), this::finding);
			object("summary", r.summary(), this::summary);
			strings("notes", r.notes());
		}

		private void analyzer(AnalyzerInfo a) throws IOException {
			field("name", a.name());
			field("version", a.version());
		}

		private void capture(Capture c) throws IOException {
			field("fileName", c.fileName());
			field("sha256", c.sha256());
			field("sizeBytes", c.sizeBytes());
			field("gzip", c.gzip());
			field("format", c.format());
			field("firstTimestamp", c.firstTimestamp());
			field("lastTimestamp", c.lastTimestamp());
			field("packets", c.packets());
			strings("linkTypes", c.linkTypes());
			field("complete", c.complete());
			object("damage", c.damage(), this::damage);
		}

		private void damage(DamageView d) throws IOException {
			field("offset", d.offset());
			field("description", d.description());
			field("packetsBefore", d.packetsBefore());
			field("lastGoodTimestamp", d.lastGoodTimestamp());
		}

		private void stats(Stats s) throws IOException {
			field("sipMessages", s.sipMessages());
			field("sipFrames", s.sipFrames());
			counts("sipRequests", s.sipRequests());
			counts("sipResponses", s.sipResponses());
			counts("sipTransports", s.sipTransports());
			field("sdpBodies", s.sdpBodies());
			field("dialogs", s.dialogs());
			field("legs", s.legs());
			field("udpPackets", s.udpPackets());
			field("tcpSegments", s.tcpSegments());
			field("sctpPackets", s.sctpPackets());
			field("tcpConnections", s.tcpConnections());
			field("ipFragmentsReassembled", s.ipFragmentsReassembled());
			field("undecodedFrames", s.undecodedFrames());
			field("evictedFlows", s.evictedFlows());
			field("droppedDialogs", s.droppedDialogs());
			field("internalErrors", s.internalErrors());
		}

		private void dialog(DialogView d) throws IOException {
			field("callId", d.callId());
			field("from", d.from());
			field("to", d.to());
			field("requestUri", d.requestUri());
			strings("methods", d.methods());
			field("finalStatus", d.finalStatus());
			strings("userAgents", d.userAgents());
			strings("legs", d.legs());
			field("messages", d.messages());
			field("firstFrame", d.firstFrame());
			field("lastFrame", d.lastFrame());
			field("firstTimestamp", d.firstTimestamp());
			strings("media", d.media());
		}

		private void leg(LegView l) throws IOException {
			field("id", l.id());
			field("transport", l.transport());
			field("endpointA", l.endpointA());
			field("endpointB", l.endpointB());
			field("firstFrame", l.firstFrame());
			field("lastFrame", l.lastFrame());
			field("firstTimestamp", l.firstTimestamp());
			field("sipMessages", l.sipMessages());
			strings("callIds", l.callIds());
			object("tls", l.tls(), this::tls);
			name("media");
			array(l.media(), this::legMedia);
			field("verdict", l.verdict());
			field("reason", l.reason());
			strings("evidence", l.evidence());
		}

		private void tls(TlsView t) throws IOException {
			field("version", t.version());
			field("cipherSuite", t.cipherSuite());
			field("cipherSuiteName", t.cipherSuiteName());
			field("cipherStrength", t.cipherStrength());
			field("serverName", t.serverName());
			strings("alpn", t.alpn());
			objects("certificates", t.certificates(), this::certificate);
			field("certificatesEncrypted", t.certificatesEncrypted());
			field("handshakeComplete", t.handshakeComplete());
			field("decrypted", t.decrypted());
			field("alert", t.alert());
			field("clientHelloFrame", t.clientHelloFrame());
			field("serverHelloFrame", t.serverHelloFrame());
			field("damage", t.damage());
			field("decryptionProblem", t.decryptionProblem());
		}

		private void certificate(CertView c) throws IOException {
			field("subject", c.subject());
			field("issuer", c.issuer());
			field("serialHex", c.serialHex());
			field("notBefore", c.notBefore());
			field("notAfter", c.notAfter());
			field("selfSigned", c.selfSigned());
			field("keyAlgorithm", c.keyAlgorithm());
			field("keyBits", c.keyBits());
			field("signatureAlgorithm", c.signatureAlgorithm());
			field("weakKey", c.weakKey());
			field("weakSignature", c.weakSignature());
			field("sha256Fingerprint", c.sha256Fingerprint());
			strings("subjectAltNames", c.subjectAltNames());
		}

		private void media(MediaView m) throws IOException {
			field("id", m.id());
			field("callId", m.callId());
			field("mediaType", m.mediaType());
			field("profile", m.profile());
			field("offerProfile", m.offerProfile());
			field("answerProfile", m.answerProfile());
			field("offerEndpoint", m.offerEndpoint());
			field("answerEndpoint", m.answerEndpoint());
			strings("flowEndpoints", m.flowEndpoints());
			strings("cryptoSuites", m.cryptoSuites());
			field("fingerprint", m.fingerprint());
			field("setup", m.setup());
			field("dtlsHandshakeSeen", m.dtlsHandshakeSeen());
			field("dtlsUseSrtp", m.dtlsUseSrtp());
			field("dtlsVersion", m.dtlsVersion());
			field("dtlsSrtpProfile", m.dtlsSrtpProfile());
			object("packets", m.packets(), this::packets);
			field("payloadEntropy", m.payloadEntropy());
			field("protection", m.protection());
			field("evidence", m.evidence());
		}

		/**
		 * A leg's media stream, written once per view and repeated from that text: the
		 * same stream is listed on every leg it is attached to (up to 47 legs per stream
		 * on the bench capture, where these repeats were 60 % of the report).
		 */
		private void legMedia(MediaView m) throws IOException {
			Object text = written.get(m);
			if (text == null) {
				text = render(m);
				written.put(m, text);
			}
			if (text instanceof byte[] bytes) {
				((Utf8Writer) w).writeEncoded(bytes);
			}
			else {
				w.write((String) text);
			}
		}

		/** The media object as this writer would write it here: UTF-8 bytes or text. */
		private Object render(MediaView m) throws IOException {
			if (w instanceof Utf8Writer) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
				Utf8Writer sub = new Utf8Writer(bytes);
				Out out = new Out(sub, escapeSurrogates);
				out.level = level;
				out.object(m, out::media);
				sub.flush();
				return bytes.toByteArray();
			}
			StringWriter text = new StringWriter(4096);
			Out out = new Out(text, escapeSurrogates);
			out.level = level;
			out.object(m, out::media);
			return text.toString();
		}

		private void packets(PacketsView p) throws IOException {
			field("total", p.total());
			field("rtp", p.rtp());
			field("rtcp", p.rtcp());
			field("srtcpEncrypted", p.srtcpEncrypted());
			field("stun", p.stun());
			field("dtls", p.dtls());
			field("other", p.other());
			strings("ssrcs", p.ssrcs());
			name("payloadTypes");
			array(p.payloadTypes(), v -> w.write(v.toString()));
			field("firstFrame", p.firstFrame());
			field("lastFrame", p.lastFrame());
		}

		private void finding(Finding f) throws IOException {
			field("ruleId", f.ruleId());
			field("severity", f.severity() == null ? null : f.severity().name());
			field("criterion", f.criterion());
			field("subjectType", f.subjectType());
			field("subjectId", f.subjectId());
			name("frames");
			array(f.frames(), v -> w.write(v.toString()));
			field("explanation", f.explanation());
			field("remediation", f.remediation());
			field("evidence", f.evidence());
		}

		private void summary(Summary s) throws IOException {
			field("legs", s.legs());
			field("encrypted", s.encrypted());
			field("partlyEncrypted", s.partlyEncrypted());
			field("unencrypted", s.unencrypted());
			counts("findingsBySeverity", s.findingsBySeverity());
			field("headline", s.headline());
		}

	}

}
