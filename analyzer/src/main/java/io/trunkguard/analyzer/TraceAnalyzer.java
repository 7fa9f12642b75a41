package io.trunkguard.analyzer;

import io.trunkguard.analyzer.correlate.Correlator;
import io.trunkguard.analyzer.decode.LinkTypes;
import io.trunkguard.analyzer.decode.NetworkDecoder;
import io.trunkguard.analyzer.decode.Packet;
import io.trunkguard.analyzer.flow.PacketDispatcher;
import io.trunkguard.analyzer.flow.TlsSupport;
import io.trunkguard.analyzer.io.CaptureFiles;
import io.trunkguard.analyzer.io.CaptureReader;
import io.trunkguard.analyzer.io.CaptureRecord;
import io.trunkguard.analyzer.io.Damage;
import io.trunkguard.analyzer.io.PrefetchingInput;
import io.trunkguard.analyzer.reassembly.IpFragments;
import io.trunkguard.analyzer.report.ReportBuilder;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.rules.Finding;
import io.trunkguard.analyzer.rules.RuleInput;
import io.trunkguard.analyzer.rules.Rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Analyses a capture: file reading (on its own thread, with hashing and decompression) ->
 * link and network decoding -> reassembly -> SIP/SDP/TLS/RTP -> correlation -> rules ->
 * report. Damaged input never makes it throw: the report says where the damage starts.
 */
public final class TraceAnalyzer {

	public static final String VERSION = "0.1.0";

	private TraceAnalyzer() {
	}

	/**
	 * Analyses a capture file.
	 * @throws IOException only when the file cannot be opened (missing, unreadable); bad
	 * content never throws
	 */
	public static TraceReport analyze(Path file, Options options) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return analyze(in, file.getFileName().toString(), options);
		}
	}

	/**
	 * Analyses a capture stream; never throws for bad bytes or read errors (they become
	 * damage).
	 */
	public static TraceReport analyze(InputStream in, Options options) {
		return analyze(in, null, options);
	}

	private static TraceReport analyze(InputStream in, String fileName, Options options) {
		ProgressListener progress = options.progress();
		PrefetchingInput input = new PrefetchingInput(in, null, options.hashing());
		CaptureReader reader = CaptureFiles.open(input);
		IpFragments fragments = new IpFragments(4096, 30_000_000_000L);
		NetworkDecoder decoder = new NetworkDecoder(fragments);
		Correlator correlator = new Correlator(options.maxDialogs(), options.maxLegs(), options.maxSources());
		List<String> notes = new ArrayList<>();
		TlsSupport tls = TlsSupports.create(options, notes);
		PacketDispatcher dispatcher = new PacketDispatcher(correlator, tls, options.maxUdpFlows(),
				options.maxTcpConnections(), options.tcpBufferBytes());
		boolean readOnly = options.readOnly();
		long packets = 0;
		long internalErrors = 0;
		CaptureSpan span;
		if (readOnly) {
			span = new CaptureSpan();
			CaptureRecord rec = new CaptureRecord();
			try {
				while (true) {
					boolean more;
					try {
						more = reader.next(rec);
					}
					catch (RuntimeException e) {
						if (options.failFast()) {
							throw e;
						}
						internalErrors++;
						more = false;
					}
					if (!more) {
						break;
					}
					packets++;
					span.saw(rec);
					if (progress != null && (packets & 0xFFFF) == 0) {
						progress.onProgress(input.rawBytes(), packets);
					}
				}
			}
			finally {
				input.finish(); // lets the reader thread hash the rest and end
			}
		}
		else {
			// framing, decoding and SIP parsing on a second thread, flows and correlation
			// here
			DecodingStage stage = new DecodingStage(input, reader, decoder, options.failFast());
			Packet packet = new Packet();
			boolean done = false;
			try {
				long nextProgress = 0x10000;
				while (true) {
					DecodingStage.Batch b = stage.take();
					if (b.error != null) {
						if (b.error instanceof Error err) {
							throw err;
						}
						throw (RuntimeException) b.error;
					}
					internalErrors += dispatch(b, packet, dispatcher, options.failFast());
					packets += b.records;
					boolean end = b.end;
					stage.done(b);
					if (progress != null && packets >= nextProgress) {
						progress.onProgress(input.rawBytes(), packets);
						nextProgress = (packets | 0xFFFF) + 1;
					}
					if (end) {
						break;
					}
				}
				done = true;
			}
			finally {
				if (done) {
					stage.join();
				}
				else {
					stage.stop();
				}
				input.finish(); // lets the reader thread hash the rest and end, also when
								// a
								// parser throws
			}
			internalErrors += stage.internalErrors;
			span = stage.span;
		}
		long first = span.first;
		long last = span.last;
		Set<Integer> linkTypes = span.linkTypes;
		Damage damage = reader.damage();
		if (progress != null) {
			progress.onProgress(input.rawBytes(), packets);
		}
		try {
			dispatcher.finish();
			correlator.finish();
		}
		catch (RuntimeException e) {
			if (options.failFast()) {
				throw e;
			}
			internalErrors++;
		}
		List<String> linkNames = new ArrayList<>();
		for (int lt : linkTypes) {
			linkNames.add(LinkTypes.name(lt));
		}
		for (int lt : reader.linkTypes()) {
			if (!linkTypes.contains(lt)) {
				linkNames.add(LinkTypes.name(lt));
			}
		}
		TraceReport.DamageView damageView = damage == null ? null
				: new TraceReport.DamageView(damage.offset(), damage.description(), packets, ReportBuilder.time(last));
		TraceReport.Capture capture = new TraceReport.Capture(fileName, input.sha256(), input.rawBytes(), input.gzip(),
				reader.format(), ReportBuilder.time(first), ReportBuilder.time(last), packets, linkNames,
				damage == null, damageView);
		TraceReport.Stats stats = new TraceReport.Stats(correlator.sipMessages(), correlator.sipFrames(),
				correlator.requestsByMethod(), correlator.responsesByStatus(), correlator.messagesByTransport(),
				correlator.sdpBodies(), correlator.dialogs().size(), correlator.legs().size(), dispatcher.udpPackets(),
				dispatcher.tcpSegments(), dispatcher.sctpPackets(), dispatcher.tcpConnections(),
				fragments.reassembledCount(), decoder.undecodableCount(), dispatcher.evictedFlows(),
				correlator.droppedDialogs(), internalErrors);
		RuleInput ruleInput = new RuleInput(correlator.legs(), correlator.dialogs().values(),
				correlator.unmatchedMedia(), correlator.activity().values(), first == 0 ? null : instant(first),
				last == 0 ? null : instant(last));
		List<Finding> findings = readOnly ? List.of() : Rules.evaluate(ruleInput, options);
		if (internalErrors > 0) {
			notes.add(internalErrors
					+ " frame(s) could not be analysed because of an internal error; the rest of the capture was");
		}
		if (correlator.droppedDialogs() > 0) {
			notes.add(correlator.droppedDialogs() + " SIP message(s) beyond the dialog cap of " + options.maxDialogs()
					+ " were counted but not kept");
		}
		if (correlator.droppedLegs() > 0) {
			notes.add(correlator.droppedLegs() + " SIP message(s) arrived on flows beyond the leg cap of "
					+ options.maxLegs() + "; they count in the statistics and dialogs but have no leg");
		}
		if (dispatcher.undecodableWebSocketMessages() > 0) {
			notes.add(dispatcher.undecodableWebSocketMessages()
					+ " compressed WebSocket message(s) could not be inflated"
					+ " (the compression window was built before the capture started or lost at a gap) and were skipped");
		}
		if (dispatcher.evictedFlows() > 0) {
			notes.add(dispatcher.evictedFlows() + " idle or surplus flow(s) were evicted to keep memory bounded");
		}
		return ReportBuilder.build(capture, stats, correlator, findings, VERSION, notes);
	}

	/**
	 * One batch through flows and correlation; returns how many packets failed with an
	 * internal error. A method of its own, called per batch, so that the JIT compiles the
	 * per-packet work once as an ordinary method, kept for every later capture of the
	 * same JVM (the app's), instead of as part of this loop's on-stack replacement, which
	 * each capture compiled anew.
	 */
	private static int dispatch(DecodingStage.Batch b, Packet packet, PacketDispatcher dispatcher, boolean failFast) {
		int errors = 0;
		for (int i = 0; i < b.size; i++) {
			b.load(i, packet);
			try {
				dispatcher.onPacket(packet, b.sip[i]);
			}
			catch (RuntimeException | StackOverflowError e) {
				if (failFast) {
					throw e;
				}
				errors++; // a parser bug must not lose the rest of the capture
			}
		}
		return errors;
	}

	private static Instant instant(long nanos) {
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

}
