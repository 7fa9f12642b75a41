package io.trunkguard.shared;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work a node repeats on a thread of its own while the application runs (the audit sweep,
 * the security event pump): started with the application context, each run {@code period}
 * after the previous one ended, and stopped with the context (the running step is
 * interrupted, and waited for up to 10 s). Does nothing when constructed disabled. A
 * subclass's {@link #runOnce} handles its own failures: one that escapes ends the
 * repetition.
 */
public abstract class PeriodicWork implements SmartLifecycle {

	private final String threadName;

	private final boolean enabled;

	private final Duration initialDelay;

	private final Duration period;

	private volatile ScheduledExecutorService executor;

	protected PeriodicWork(String threadName, boolean enabled, Duration initialDelay, Duration period) {
		this.threadName = threadName;
		this.enabled = enabled;
		this.initialDelay = initialDelay;
		this.period = period;
	}

	/** One run of the work. */
	protected abstract void runOnce();

	@Override
	public void start() {
		if (!enabled || executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), period.toMillis(),
				TimeUnit.MILLISECONDS);
		executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
