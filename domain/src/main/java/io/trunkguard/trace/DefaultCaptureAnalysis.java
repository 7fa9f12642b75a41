package io.trunkguard.trace;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Runs the analysis of one capture in three steps: marks it as being analysed (committed
 * at once, so every node and page sees it), runs the analyzer while writing its progress
 * in short transactions of their own (or takes over the analysis this node started while
 * the capture was uploaded, {@link AnalysisWhileUploading}), then stores the result in
 * the caller's transaction (the job's), replacing whatever an earlier attempt stored, so
 * a retry never duplicates legs or findings.
 */
@Service
class DefaultCaptureAnalysis implements CaptureAnalysis {

	private static final Logger log = LoggerFactory.getLogger(DefaultCaptureAnalysis.class);

	static final String ACTOR = "system:capture-analysis";

	/** Progress is written at most this often. */
	private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

	private final Captures captures;

	private final CaptureResults results;

	private final CarrierAttachment carriers;

	private final EncryptionRemediationService remediations;

	private final CertificateWatch certificates;

	private final ObjectProvider<CaptureAnalyzer> analyzer;

	private final AnalysisWhileUploading headStarts;

	private final FileStore files;

	private final TraceProperties properties;

	private final TransactionTemplate ownTransaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultCaptureAnalysis(Captures captures, CaptureResults results, CarrierAttachment carriers,
			EncryptionRemediationService remediations, CertificateWatch certificates,
			ObjectProvider<CaptureAnalyzer> analyzer, AnalysisWhileUploading headStarts, FileStore files,
			TraceProperties properties, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.captures = captures;
		this.results = results;
		this.carriers = carriers;
		this.remediations = remediations;
		this.certificates = certificates;
		this.analyzer = analyzer;
		this.headStarts = headStarts;
		this.files = files;
		this.properties = properties;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional
	public boolean analyse(CaptureId id) {
		Capture started = ownTransaction.execute(status -> {
			Capture capture = load(id);
			if (capture.getStatus() == CaptureStatus.DONE) {
				return null;
			}
			capture.startAnalysis(now());
			return captures.save(capture);
		});
		if (started == null) {
			log.info("Capture {} is already analysed", id);
			return false;
		}
		if (started.getRawFileId() == null) {
			throw fail(id, started.getAttempts(), new CaptureAnalysisFailed(
					"The raw capture file was deleted after its retention period, so it cannot be analysed again."));
		}
		AnalysisResult result;
		long analysing = System.nanoTime();
		try {
			CaptureAnalyzer installed = analyzer.getIfAvailable();
			if (installed == null) {
				throw new CaptureAnalysisFailed("No trace analyzer is installed in this application.");
			}
			AnalysisRequest request = request(started);
			AnalysisProgress progress = progressWriter(id);
			result = headStarts.claim(started.getSha256(), request, started.getKeyLogFileId())
				.flatMap(head -> head.await(progress, request.timeLimit()))
				.orElseGet(() -> installed.analyse(request, progress));
		}
		catch (CaptureAnalysisFailed e) {
			throw fail(id, started.getAttempts(), e);
		}
		catch (RuntimeException e) {
			throw fail(id, started.getAttempts(), new CaptureAnalysisFailed(
					"The analyzer stopped with an internal error (" + e.getClass().getSimpleName() + ").", e));
		}
		long recording = System.nanoTime();
		Capture capture = load(id);
		results.replace(capture, result);
		Instant now = now();
		capture.analysed(result, now);
		captures.save(capture);
		remediations.openFor(capture, carriers.attach(capture, ACTOR));
		certificates.recordSeen(capture);
		events.publishEvent(new CaptureAnalysed(id, result.capture().complete(), result.legs().size(),
				capture.getUnencryptedLegs(), result.findings().size(), ACTOR, now));
		log.info("Capture {} ({}) analysed: the analysis took {} ms here, recording its {} legs and {} findings {} ms",
				id, started.getFileName(), (recording - analysing) / 1_000_000, result.legs().size(),
				result.findings().size(), (System.nanoTime() - recording) / 1_000_000);
		return true;
	}

	private AnalysisRequest request(Capture capture) {
		StoredFileId raw = new StoredFileId(capture.getRawFileId());
		StoredFileId keyLog = capture.getKeyLogFileId() == null ? null : new StoredFileId(capture.getKeyLogFileId());
		return new AnalysisRequest(capture.getFileName(), () -> files.open(raw),
				keyLog == null ? null : () -> files.open(keyLog), capture.getInternalNetworks(),
				properties.analysisTimeLimit());
	}

	private AnalysisProgress progressWriter(CaptureId id) {
		long[] last = { 0 };
		return bytes -> {
			long nanos = System.nanoTime();
			if (nanos - last[0] < PROGRESS_INTERVAL_NANOS) {
				return;
			}
			last[0] = nanos;
			ownTransaction.executeWithoutResult(status -> captures.recordProgress(id, bytes));
		};
	}

	private CaptureAnalysisFailed fail(CaptureId id, int attempt, CaptureAnalysisFailed failure) {
		log.warn("Analysis of capture {} failed (attempt {}): {}", id, attempt, failure.getMessage());
		ownTransaction.executeWithoutResult(status -> {
			Capture capture = load(id);
			Instant now = now();
			capture.failed(failure.getMessage(), now);
			captures.save(capture);
			events.publishEvent(new CaptureAnalysisFailedEvent(id, attempt, failure.getMessage(), ACTOR, now));
		});
		return failure;
	}

	private Capture load(CaptureId id) {
		return captures.findById(id).orElseThrow(() -> new NotFoundException("Capture", id));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
