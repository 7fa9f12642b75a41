package io.trunkguard.deprovisioning;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

	@Test
	void writesEachRangeInTheUnitALeadReads() {
		assertThat(Durations.human(Duration.ofSeconds(45))).isEqualTo("45 s");
		assertThat(Durations.human(Duration.ofMinutes(12).plusSeconds(59))).isEqualTo("12 min");
		assertThat(Durations.human(Duration.ofHours(3).plusMinutes(5))).isEqualTo("3 h 05 min");
		assertThat(Durations.human(Duration.ofHours(47).plusMinutes(59))).isEqualTo("47 h 59 min");
		assertThat(Durations.human(Duration.ofDays(2).plusHours(4))).isEqualTo("2 d 4 h");
	}

	@Test
	void writesOverdueTimesWithoutASignAndNothingForAMissingTime() {
		assertThat(Durations.human(Duration.ofMinutes(-90))).isEqualTo("1 h 30 min");
		assertThat(Durations.human(null)).isEmpty();
	}

}
