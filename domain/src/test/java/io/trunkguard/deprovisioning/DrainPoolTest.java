package io.trunkguard.deprovisioning;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DrainPoolTest {

	@Test
	void aBurstOfKicksQueuesAtMostOneDrainPerThread() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch running = new CountDownLatch(2);
		AtomicInteger drains = new AtomicInteger();
		DrainPool pool = new DrainPool("test-drain", 2, () -> {
			drains.incrementAndGet();
			running.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			pool.kick();
			pool.kick();
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			// both threads drain: two more wait, the rest are dropped
			for (int i = 0; i < 50; i++) {
				pool.kick();
			}
			release.countDown();
			Thread.sleep(300);
			assertThat(drains).hasValue(4);

			// idle again: a kick starts a drain
			pool.kick();
			Thread.sleep(300);
			assertThat(drains).hasValue(5);
		}
		finally {
			pool.stop();
		}
	}

}
