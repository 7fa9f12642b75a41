package io.trunkguard.deprovisioning;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IntakePressureTest {

	@Test
	void aBurstIsSeveralIntakesAtOnceAndLastsASecondAfterTheLast() throws Exception {
		IntakePressure pressure = new IntakePressure(3, Duration.ofMinutes(1));
		IntakePressure.Intake one = pressure.begin();
		IntakePressure.Intake two = pressure.begin();
		assertThat(pressure.yieldToIntake()).isFalse();

		IntakePressure.Intake three = pressure.begin();
		assertThat(pressure.yieldToIntake()).isTrue();
		// slow requests: still a burst while they are in progress
		Thread.sleep(1_100);
		assertThat(pressure.yieldToIntake()).isTrue();
		three.close();
		two.close();
		one.close();
		assertThat(pressure.yieldToIntake()).isTrue();
		Thread.sleep(1_100);
		assertThat(pressure.yieldToIntake()).isFalse();
	}

	@Test
	void aLongBurstIsYieldedToForAtMostTheLongestYield() throws Exception {
		IntakePressure pressure = new IntakePressure(1, Duration.ofMillis(200));
		try (IntakePressure.Intake open = pressure.begin()) {
			assertThat(pressure.yieldToIntake()).isTrue();
			Thread.sleep(300);
			// still a burst (a new intake), but the rest has waited long enough
			pressure.begin().close();
			assertThat(pressure.yieldToIntake()).isFalse();
		}
	}

	@Test
	void jobsWaitWhileAccountDisablesQueueForAtMostTheLongestYield() throws Exception {
		IntakePressure pressure = new IntakePressure(3, Duration.ofMillis(300));
		assertThat(pressure.jobsShouldWait()).isFalse();
		pressure.disablesQueued(true);
		assertThat(pressure.jobsShouldWait()).isTrue();
		assertThat(pressure.yieldToIntake()).as("the intake worker does not wait for disables").isFalse();
		pressure.disablesQueued(false);
		assertThat(pressure.jobsShouldWait()).isFalse();

		pressure.disablesQueued(true);
		Thread.sleep(200);
		// still queued: the wait counts from when they began to queue
		pressure.disablesQueued(true);
		Thread.sleep(200);
		assertThat(pressure.jobsShouldWait()).isFalse();
	}

	@Test
	void jobsWaitDuringABurstOfIntakes() {
		IntakePressure pressure = new IntakePressure(1, Duration.ofMinutes(1));
		try (IntakePressure.Intake open = pressure.begin()) {
			assertThat(pressure.jobsShouldWait()).isTrue();
		}
	}

}
