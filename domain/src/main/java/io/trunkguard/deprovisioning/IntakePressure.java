package io.trunkguard.deprovisioning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the HR webhook and SCIM are taking a burst of terminations right now, so that
 * the work that can wait yields the two cores and the connections to the requests (issue
 * 16: a layoff's 1,000 terminations are answered first, then written). A burst is
 * {@code trunkguard.deprovisioning.intake.busy-at} intakes (3 by default) in progress at
 * once, and lasts while they are and until a second after. What yields: the intake worker
 * (cases, receipts, processes and their audit entries: their times are the intake's, so
 * nothing moves the SLA) and Camunda's job acquisition (workflows). The account disables
 * do not yield: they are the point of the burst.
 * <p>
 * A long burst does not starve the rest: the work yields for at most
 * {@code trunkguard.deprovisioning.intake.max-yield} (1 minute by default) from the
 * burst's start, then runs beside the intake again.
 * <p>
 * Camunda's jobs (grant removal, verification, completion, and every other process's)
 * also wait while account disables queue up (the disabler took a full batch, so more are
 * due), for at most the same longest yield from when they began to queue: on two cores
 * they would otherwise share the CPU with the disables, and with the identity provider
 * that answers them.
 */
@Component
public class IntakePressure {

	private static final long LINGER = Duration.ofSeconds(1).toNanos();

	private final int busyAt;

	private final long maxYieldNanos;

	private final AtomicInteger inProgress = new AtomicInteger();

	/** Until when the last burst counts ({@link System#nanoTime()}). */
	private volatile long busyUntil = System.nanoTime() - LINGER;

	/** When the current burst began. */
	private volatile long busySince;

	/** When account disables began to queue; {@code NOT_QUEUED} while none wait. */
	private volatile long disablesQueuedSince = NOT_QUEUED;

	private static final long NOT_QUEUED = Long.MIN_VALUE;

	public IntakePressure(@Value("${trunkguard.deprovisioning.intake.busy-at:3}") int busyAt,
			@Value("${trunkguard.deprovisioning.intake.max-yield:PT1M}") Duration maxYield) {
		this.busyAt = Math.max(1, busyAt);
		this.maxYieldNanos = maxYield.toNanos();
	}

	/** One intake in progress, until {@link Intake#close()}. */
	public Intake begin() {
		if (inProgress.incrementAndGet() >= busyAt) {
			long now = System.nanoTime();
			if (now - busyUntil > 0) {
				busySince = now;
			}
			busyUntil = now + LINGER;
		}
		return () -> {
			if (inProgress.getAndDecrement() >= busyAt) {
				busyUntil = System.nanoTime() + LINGER;
			}
		};
	}

	/** An intake in progress. */
	public interface Intake extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * True while a burst of intakes is under way and has not yet lasted longer than the
	 * longest yield: work that can wait should wait.
	 */
	public boolean yieldToIntake() {
		long now = System.nanoTime();
		return (inProgress.get() >= busyAt || now - busyUntil < 0) && now - busySince < maxYieldNanos;
	}

	/**
	 * What the account disabler found at its last claim: a full batch ({@code true}: more
	 * are due) or fewer ({@code false}: none left to take).
	 */
	public void disablesQueued(boolean queued) {
		if (!queued) {
			disablesQueuedSince = NOT_QUEUED;
		}
		else if (disablesQueuedSince == NOT_QUEUED) {
			disablesQueuedSince = System.nanoTime();
		}
	}

	/**
	 * True while Camunda's jobs should not be acquired: a burst of intakes, or account
	 * disables queued, each for at most the longest yield.
	 */
	public boolean jobsShouldWait() {
		if (yieldToIntake()) {
			return true;
		}
		long since = disablesQueuedSince;
		return since != NOT_QUEUED && System.nanoTime() - since < maxYieldNanos;
	}

}
