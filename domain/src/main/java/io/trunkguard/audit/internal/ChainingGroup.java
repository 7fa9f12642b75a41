package io.trunkguard.audit.internal;

import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of the chain on one node (issue 13, durable writes): the threads whose
 * business transactions have just committed hand their request to the group and wait; one
 * of them at a time (the first to find no chaining under way) runs one chaining
 * transaction on its own connection, which chains every entry pending at that moment,
 * theirs and everybody else's, and then wakes all the threads whose requests came before
 * it started. A thread that asked while a chaining was under way waits for the next one,
 * which one of those waiting threads runs. So a node runs one chaining transaction at a
 * time, for as many committed transactions as arrived meanwhile, instead of one per
 * transaction; across nodes the chaining transactions still take turns on the chain (an
 * advisory lock on PostgreSQL, the head row's lock on H2).
 * <p>
 * The chaining runs on a committing thread rather than on a thread of its own, because
 * the waiting threads hold their pooled connections until they return (the connection is
 * released after the transaction's completion callbacks): a chainer thread taking a
 * connection from the same pool could find it emptied by the threads waiting for it.
 * <p>
 * A thread returns once a chaining transaction that started after its request has
 * committed (its entries are then in the chain: read your writes), or failed (its entries
 * stay pending, durably, and {@link PendingEntrySweep} chains them).
 */
final class ChainingGroup {

	/** One chaining transaction, on the calling thread's connection. */
	@FunctionalInterface
	interface Chaining {

		void run() throws SQLException;

	}

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition settled = lock.newCondition();

	/** The last request handed in. */
	private long requested;

	/** Every request up to this one has been chained. */
	private long chainedThrough;

	/** Every request up to this one has an outcome (chained, or left pending). */
	private long settledThrough;

	private boolean chaining;

	private long transactions;

	/**
	 * Hands in a request and returns once a chaining transaction that started after it
	 * has ended: true if it committed, false if it failed on another thread (or the wait
	 * was interrupted). Throws what the chaining threw when it ran, and failed, on this
	 * thread.
	 */
	boolean chainAfter(Chaining work) throws SQLException {
		lock.lock();
		try {
			long request = ++requested;
			while (true) {
				if (chainedThrough >= request) {
					return true;
				}
				if (settledThrough >= request) {
					return false;
				}
				if (!chaining) {
					runFor(work, requested);
				}
				else {
					try {
						settled.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return false;
					}
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs one chaining transaction (without the lock) for every request up to
	 * {@code through}, then records its outcome and wakes the waiting threads.
	 */
	private void runFor(Chaining work, long through) throws SQLException {
		chaining = true;
		boolean committed = false;
		lock.unlock();
		try {
			work.run();
			committed = true;
		}
		finally {
			lock.lock();
			chaining = false;
			transactions++;
			if (committed) {
				chainedThrough = Math.max(chainedThrough, through);
			}
			settledThrough = Math.max(settledThrough, through);
			settled.signalAll();
		}
	}

	/** How many chaining transactions this node has run (for the tests and the bench). */
	long transactions() {
		lock.lock();
		try {
			return transactions;
		}
		finally {
			lock.unlock();
		}
	}

	/** How many requests were handed in (for the tests and the bench). */
	long requests() {
		lock.lock();
		try {
			return requested;
		}
		finally {
			lock.unlock();
		}
	}

}
