package io.trunkguard.analyzer.cli;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.TraceAnalyzer;
import io.trunkguard.analyzer.report.JsonReport;
import io.trunkguard.analyzer.report.TextSummary;
import io.trunkguard.analyzer.report.TraceReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line entry point. Prints the summary (or with --json only the JSON report) on
 * standard output, logs on standard error. Exit 0 on success (also for damaged captures,
 * which the report describes), 2 for usage errors and unreadable files.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static final String USAGE = "usage: trunkguard-analyzer CAPTURE [--json] [--keylog FILE] [--internal CIDR]... [--read-only]";

	/** Runs the command line; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path capture = null;
		boolean json = false;
		boolean readOnly = false;
		boolean pcap4j = false;
		Path keyLog = null;
		List<String> internal = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			switch (a) {
				case "--json" -> json = true;
				case "--read-only" -> readOnly = true;
				case "--pcap4j-probe" -> pcap4j = true;
				case "--keylog", "--internal" -> {
					if (i + 1 >= args.length) {
						err.println("error: " + a + " needs a value");
						err.println(USAGE);
						return 2;
					}
					if (a.equals("--keylog")) {
						keyLog = Path.of(args[++i]);
					}
					else {
						internal.add(args[++i]);
					}
				}
				case "-h", "--help" -> {
					out.println(USAGE);
					return 0;
				}
				default -> {
					if (a.startsWith("-") || capture != null) {
						err.println("error: unexpected argument " + a);
						err.println(USAGE);
						return 2;
					}
					capture = Path.of(a);
				}
			}
		}
		if (capture == null) {
			err.println("error: no capture file given");
			err.println(USAGE);
			return 2;
		}
		if (!Files.isRegularFile(capture) || !Files.isReadable(capture)) {
			err.println("error: cannot read capture file " + capture
					+ (Files.exists(capture) ? " (not a readable file)" : " (no such file)"));
			return 2;
		}
		if (keyLog != null && (!Files.isRegularFile(keyLog) || !Files.isReadable(keyLog))) {
			err.println("error: cannot read key log " + keyLog);
			return 2;
		}
		if (pcap4j) {
			try {
				return Pcap4jProbe.run(capture, out);
			}
			catch (IOException e) {
				err.println("error: cannot read capture file " + capture + ": " + e.getMessage());
				return 2;
			}
		}
		Options options = Options.defaults().withKeyLog(keyLog).withReadOnly(readOnly).withInternalNetworks(internal);
		long start = System.nanoTime();
		TraceReport report;
		try {
			report = TraceAnalyzer.analyze(capture, options);
		}
		catch (IOException e) {
			err.println("error: cannot read capture file " + capture + ": " + e.getMessage());
			return 2;
		}
		double secs = (System.nanoTime() - start) / 1e9;
		err.printf(Locale.ROOT, "analysed %s: %d packets, %d bytes in %.3f s, peak heap %.1f MB%s%n", capture,
				report.capture().packets(), report.capture().sizeBytes(), secs, peakHeapMb(),
				report.capture().damage() == null ? "" : " (damaged at byte " + report.capture().damage().offset()
						+ ": " + report.capture().damage().description() + ")");
		if (json) {
			try {
				JsonReport.write(report, new NonClosing(out));
				out.println();
			}
			catch (IOException e) {
				err.println("error: cannot write report: " + e.getMessage());
				return 1;
			}
		}
		else {
			out.print(TextSummary.render(report));
		}
		out.flush();
		return 0;
	}

	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(PrintStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

	/** Sum of the peak usage of the heap memory pools since the JVM started. */
	static double peakHeapMb() {
		long peak = 0;
		for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
			.getMemoryPoolMXBeans()) {
			if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / 1048576.0;
	}

}
