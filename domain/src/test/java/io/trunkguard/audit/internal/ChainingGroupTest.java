package io.trunkguard.audit.internal;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's group commit of the chain, on its own (the database runs are in
 * {@link AuditChainingIntegrationTests}): threads that ask while a chaining transaction
 * runs are served together by the next one, and each returns only once a chaining that
 * started after its request has ended.
 */
class ChainingGroupTest {

	final ChainingGroup group = new ChainingGroup();

	final ExecutorService pool = Executors.newCachedThreadPool();

	@Test
	void threadsAskingWhileAChainingRunsAreServedTogetherByTheNextOne() throws Exception {
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		AtomicInteger chainedSoFar = new AtomicInteger();
		Future<Boolean> first = pool.submit(() -> group.chainAfter(() -> {
			firstRunning.countDown();
			await(releaseFirst);
			chainedSoFar.incrementAndGet();
		}));
		assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();

		int waiting = 20;
		List<Future<Integer>> others = new ArrayList<>();
		for (int i = 0; i < waiting; i++) {
			// each returns how many chaining transactions had ended when it returned
			others.add(pool.submit(() -> {
				group.chainAfter(chainedSoFar::incrementAndGet);
				return chainedSoFar.get();
			}));
		}
		awaitRequests(1 + waiting);
		// nobody returns while the chaining that started before them has not ended
		assertThat(first).isNotDone();
		others.forEach(other -> assertThat(other).isNotDone());

		releaseFirst.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		for (Future<Integer> other : others) {
			// the run that started before they asked does not count for them
			assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(2);
		}
		assertThat(group.transactions()).isEqualTo(2);
	}

	@Test
	void aFailedChainingReleasesTheThreadsItServedWithoutChainedAndTheNextRequestRunsAgain() throws Exception {
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		Future<Boolean> first = pool.submit(() -> group.chainAfter(() -> {
			firstRunning.countDown();
			await(releaseFirst);
		}));
		assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
		List<Future<Boolean>> failing = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			failing.add(pool.submit(() -> group.chainAfter(() -> {
				throw new SQLException("the chain head could not be locked");
			})));
		}
		awaitRequests(4);
		releaseFirst.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();

		// one of the three ran the (failing) chaining for all of them: it gets the error,
		// the others are told their entries stay pending
		int thrown = 0;
		int leftPending = 0;
		for (Future<Boolean> future : failing) {
			try {
				assertThat(future.get(10, TimeUnit.SECONDS)).isFalse();
				leftPending++;
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(SQLException.class);
				thrown++;
			}
		}
		assertThat(thrown).isEqualTo(1);
		assertThat(leftPending).isEqualTo(2);
		assertThat(group.transactions()).isEqualTo(2);

		// a later request is not answered by the failure: it runs a chaining of its own
		AtomicInteger ran = new AtomicInteger();
		assertThat(group.chainAfter(ran::incrementAndGet)).isTrue();
		assertThat(ran).hasValue(1);
		assertThat(group.transactions()).isEqualTo(3);
	}

	void awaitRequests(long requests) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (group.requests() < requests && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(group.requests()).isEqualTo(requests);
		// the last ones to ask are parked, not about to run
		Thread.sleep(50);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
