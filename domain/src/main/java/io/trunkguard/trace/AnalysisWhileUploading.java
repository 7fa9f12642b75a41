package io.trunkguard.trace;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.GrowingFile;
import io.trunkguard.evidence.StoredFileId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analyses a capture on the node receiving it while its upload still arrives: the
 * analyzer follows the file as the store writes it ({@link GrowingFile}), so that reading
 * the upload and analysing it overlap instead of following each other.
 *
 * <p>
 * It is only a head start for the analysis job, which stays the one that records the
 * result: the job of a capture whose bytes (same SHA-256) and inputs (file name, key log,
 * internal networks) match a head start on its node takes that result instead of reading
 * the file again; on another node, after a failure of the head start, or for a retry, the
 * job analyses the stored file as before. An upload that is refused, cut off or malformed
 * ends its head start (the follower's next read fails) and nothing is kept; so does an
 * upload found to be a duplicate. One head start at a time (a second upload meanwhile is
 * analysed by its job only), and its result is dropped if no job takes it within
 * {@link #HOLD}: the heap holds at most one analysis more than before.
 */
@Component
public class AnalysisWhileUploading {

	private static final Logger log = LoggerFactory.getLogger(AnalysisWhileUploading.class);

	/** How long a finished head start waits for its capture's job. */
	static final Duration HOLD = Duration.ofMinutes(5);

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final ObjectProvider<CaptureAnalyzer> analyzer;

	private final FileStore files;

	private final TraceProperties properties;

	private final Semaphore oneAtATime = new Semaphore(1);

	private final List<HeadStart> running = new CopyOnWriteArrayList<>();

	private final AtomicLong takenOver = new AtomicLong();

	AnalysisWhileUploading(ObjectProvider<CaptureAnalyzer> analyzer, FileStore files, TraceProperties properties) {
		this.analyzer = analyzer;
		this.files = files;
		this.properties = properties;
	}

	/**
	 * Starts analysing the file the store is about to write, with the key log (already
	 * stored) and internal networks the upload named before its file; empty when another
	 * head start is running or no analyzer is installed.
	 */
	public Optional<HeadStart> start(GrowingFile file, UUID keyLogFileId, List<String> internalNetworks) {
		CaptureAnalyzer installed = analyzer.getIfAvailable();
		if (installed == null) {
			return Optional.empty();
		}
		if (!oneAtATime.tryAcquire()) {
			log.info("Another capture is being analysed while it is uploaded; this one is analysed once stored");
			return Optional.empty();
		}
		HeadStart head = new HeadStart(file, keyLogFileId, List.copyOf(internalNetworks));
		running.add(head);
		Thread thread = new Thread(() -> head.run(installed), "trunkguard-analysis-ahead-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		try {
			thread.start();
		}
		catch (RuntimeException | OutOfMemoryError e) {
			running.remove(head);
			oneAtATime.release();
			throw e;
		}
		return Optional.of(head);
	}

	/**
	 * The head start of exactly this analysis, taken over by its job (once): same bytes,
	 * same file name, key log and internal networks.
	 */
	Optional<HeadStart> claim(String sha256, AnalysisRequest request, UUID keyLogFileId) {
		for (HeadStart head : running) {
			if (head.matches(sha256, request, keyLogFileId) && head.claim()) {
				takenOver.incrementAndGet();
				log.info("The job of {} takes over the analysis made while it was uploaded", request.fileName());
				return Optional.of(head);
			}
		}
		return Optional.empty();
	}

	/** How many head starts are running or waiting for their job (for monitoring). */
	public int pending() {
		return running.size();
	}

	/** How many jobs took a head start's result over since the start (for monitoring). */
	public long takenOver() {
		return takenOver.get();
	}

	/** The analysis of one upload while it arrives. */
	public final class HeadStart {

		private static final int OPEN = 0;

		private static final int CLAIMED = 1;

		private static final int WITHDRAWN = 2;

		private final GrowingFile file;

		private final UUID keyLogFileId;

		private final List<String> internalNetworks;

		private final AtomicInteger state = new AtomicInteger(OPEN);

		private final CountDownLatch settled = new CountDownLatch(1);

		private final AtomicLong bytesRead = new AtomicLong();

		private final CompletableFuture<AnalysisResult> result = new CompletableFuture<>();

		private volatile String fileName;

		private HeadStart(GrowingFile file, UUID keyLogFileId, List<String> internalNetworks) {
			this.file = file;
			this.keyLogFileId = keyLogFileId;
			this.internalNetworks = internalNetworks;
		}

		private void run(CaptureAnalyzer installed) {
			try {
				fileName = file.awaitName();
				StoredFileId keyLog = keyLogFileId == null ? null : new StoredFileId(keyLogFileId);
				// the store hashes the bytes as it writes them: the analysis does not
				// again
				AnalysisRequest request = new AnalysisRequest(fileName, file::follow,
						keyLog == null ? null : () -> files.open(keyLog), internalNetworks,
						properties.analysisTimeLimit(), file::sha256);
				result.complete(installed.analyse(request, bytesRead::set));
				// hold the result for the job, unless the upload was refused or a
				// duplicate
				if (!settled.await(HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
					log.info("The analysis made while {} was uploaded was not taken by its job within {}; dropped",
							fileName, HOLD);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				result.completeExceptionally(e);
			}
			catch (Throwable e) {
				// the upload was refused, or the job analyses the stored file itself
				result.completeExceptionally(e);
			}
			finally {
				// released first: once none is pending, the next upload may start one
				oneAtATime.release();
				running.remove(this);
			}
		}

		/**
		 * The upload did not become a capture of its own (refused, malformed, a
		 * duplicate): stops the analysis and drops it, unless a job has taken it already.
		 */
		public void withdraw(String reason) {
			if (state.compareAndSet(OPEN, WITHDRAWN)) {
				file.giveUp(reason);
				settled.countDown();
			}
		}

		private boolean matches(String sha256, AnalysisRequest request, UUID keyLog) {
			return state.get() == OPEN && sha256 != null && sha256.equalsIgnoreCase(file.sha256())
					&& request.fileName().equals(file.name()) && Objects.equals(keyLog, keyLogFileId)
					&& request.internalNetworks().equals(internalNetworks);
		}

		private boolean claim() {
			if (state.compareAndSet(OPEN, CLAIMED)) {
				settled.countDown();
				return true;
			}
			return false;
		}

		/**
		 * Waits for the result, passing the bytes read on to {@code progress}; empty when
		 * the head start failed or did not end within {@code limit}, and the job should
		 * analyse the stored file itself.
		 */
		Optional<AnalysisResult> await(AnalysisProgress progress, Duration limit) {
			long deadline = System.nanoTime() + limit.toNanos();
			while (true) {
				try {
					return Optional.of(result.get(250, TimeUnit.MILLISECONDS));
				}
				catch (TimeoutException e) {
					progress.bytesRead(bytesRead.get());
					if (System.nanoTime() - deadline > 0) {
						file.giveUp("the analysis while uploading took longer than " + limit);
						return Optional.empty();
					}
				}
				catch (ExecutionException e) {
					log.info("The analysis made while {} was uploaded did not end ({}); analysing the stored file",
							fileName, e.getCause().toString());
					return Optional.empty();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return Optional.empty();
				}
			}
		}

	}

}
