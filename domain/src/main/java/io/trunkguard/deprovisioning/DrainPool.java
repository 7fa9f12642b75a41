package io.trunkguard.deprovisioning;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of daemon threads that run one drain (a loop that takes due rows until
 * none is left): {@link #kick()} asks for one more drain soon, unless as many drains as
 * there are threads are already waiting to start, so a burst of kicks queues at most one
 * drain per thread. Used by the {@link TerminationIntakeWorker} and the
 * {@link AccountDisabler}, each kicked after an intake commits and polled every second.
 */
final class DrainPool {

	private final Runnable drain;

	private final int threadCount;

	private final ExecutorService threads;

	/** Drains asked for and not yet started (at most one per thread). */
	private final AtomicInteger queued = new AtomicInteger();

	DrainPool(String threadName, int threadCount, Runnable drain) {
		this.drain = drain;
		this.threadCount = Math.max(1, threadCount);
		AtomicInteger numbers = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(this.threadCount, r -> {
			Thread t = new Thread(r, threadName + "-" + numbers.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	int threadCount() {
		return threadCount;
	}

	/** Asks for a drain soon, unless every thread is already about to start one. */
	void kick() {
		int waiting;
		do {
			waiting = queued.get();
			if (waiting >= threadCount) {
				return;
			}
		}
		while (!queued.compareAndSet(waiting, waiting + 1));
		try {
			threads.execute(() -> {
				queued.decrementAndGet();
				drain.run();
			});
		}
		catch (RejectedExecutionException stopping) {
			queued.decrementAndGet();
		}
	}

	void stop() {
		threads.shutdownNow();
	}

}
