package io.trunkguard.trace.integration;

import io.trunkguard.analyzer.Options;
import io.trunkguard.analyzer.TraceAnalyzer;
import io.trunkguard.analyzer.report.JsonReport;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.trace.AnalysisProgress;
import io.trunkguard.trace.AnalysisRequest;
import io.trunkguard.trace.AnalysisResult;
import io.trunkguard.trace.CaptureAnalysisFailed;
import io.trunkguard.trace.CaptureAnalyzer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the analyzer library in the calling thread. Memory stays bounded by the analyzer's
 * own caps (idle flows evicted, per-flow buffers capped): the capture is streamed from
 * the file store, never loaded. The time limit is checked at each progress report (every
 * 65,536 packets); past it, the analysis stops and fails with a sentence saying how far
 * it got.
 */
@Component
class AnalyzerLibrary implements CaptureAnalyzer {

	@Override
	public AnalysisResult analyse(AnalysisRequest request, AnalysisProgress progress) {
		Path keyLog = null;
		try {
			keyLog = request.keyLog() == null ? null : copyKeyLog(request);
			Options options = Options.defaults()
				.withInternalNetworks(request.internalNetworks())
				.withHashing(request.hashedBy() == null);
			if (keyLog != null) {
				options = options.withKeyLog(keyLog);
			}
			Deadline deadline = new Deadline(request.timeLimit(), progress);
			TraceReport report;
			try (InputStream in = request.capture().getInputStream()) {
				report = TraceAnalyzer.analyze(in, options.withProgress(deadline));
			}
			catch (TimeLimitReached e) {
				throw new CaptureAnalysisFailed("The analysis was stopped after " + minutes(request.timeLimit())
						+ ", its time limit, having read " + e.bytesRead + " bytes of the capture.");
			}
			String sha256 = request.hashedBy() == null ? report.capture().sha256() : request.hashedBy().get();
			if (sha256 == null) {
				throw new CaptureAnalysisFailed("The capture's bytes were read but never stored whole, so they have no"
						+ " SHA-256 to report; the analysis is dropped.");
			}
			report = named(report, request.fileName(), sha256);
			return ReportFacts.of(report, JsonReport.toJson(report));
		}
		catch (IOException e) {
			throw new CaptureAnalysisFailed("The stored capture file could not be read (" + e.getMessage() + ").", e);
		}
		finally {
			deleteQuietly(keyLog);
		}
	}

	/** The report as the command line prints it for a file of that name and hash. */
	static TraceReport named(TraceReport report, String fileName, String sha256) {
		TraceReport.Capture c = report.capture();
		TraceReport.Capture capture = new TraceReport.Capture(fileName, sha256, c.sizeBytes(), c.gzip(), c.format(),
				c.firstTimestamp(), c.lastTimestamp(), c.packets(), c.linkTypes(), c.complete(), c.damage());
		return new TraceReport(report.schemaVersion(), report.analyzer(), capture, report.stats(), report.dialogs(),
				report.legs(), report.unmatchedMedia(), report.findings(), report.summary(), report.notes());
	}

	private static Path copyKeyLog(AnalysisRequest request) throws IOException {
		Path file = Files.createTempFile("trunkguard-keylog-", ".txt");
		try (InputStream in = request.keyLog().getInputStream()) {
			Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static String minutes(Duration limit) {
		long minutes = limit.toMinutes();
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

	/** Passes progress on and stops the analysis past the time limit. */
	static final class Deadline implements io.trunkguard.analyzer.ProgressListener {

		private final long deadlineNanos;

		private final AnalysisProgress progress;

		Deadline(Duration limit, AnalysisProgress progress) {
			this.deadlineNanos = System.nanoTime() + limit.toNanos();
			this.progress = progress;
		}

		@Override
		public void onProgress(long bytesRead, long packets) {
			if (System.nanoTime() - deadlineNanos > 0) {
				throw new TimeLimitReached(bytesRead);
			}
			progress.bytesRead(bytesRead);
		}

	}

	static final class TimeLimitReached extends RuntimeException {

		final long bytesRead;

		TimeLimitReached(long bytesRead) {
			super("time limit reached after " + bytesRead + " bytes", null, false, false);
			this.bytesRead = bytesRead;
		}

	}

}
