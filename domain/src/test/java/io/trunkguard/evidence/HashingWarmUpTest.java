package io.trunkguard.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up hashes what it says (32 MB of zeros in the store's 1 MB pieces, the digest
 * {@code head -c 33554432 /dev/zero | sha256sum} prints) and runs where the optimising
 * compiler is there to compile it (the test JVM runs with it).
 */
class HashingWarmUpTest {

	@Test
	void hashesThirtyTwoMegabytesOfZerosInTheStoresPieces() {
		assertThat(HashingWarmUp.PIECE * (long) HashingWarmUp.PIECES).isEqualTo(32L * 1024 * 1024);
		assertThat(HashingWarmUp.hashZeros())
			.isEqualTo("83ee47245398adee79bd9c0a8bc57b821e92aba10f5f9ade8a5d1fae4d8c4302");
	}

	@Test
	void runsWhereTheOptimisingCompilerIs() {
		assertThat(HashingWarmUp.optimisingCompilerAvailable()).isTrue();
		assertThat(HashingWarmUp.optimisingCompilerAvailable(List.of("-Xmx512m"))).isTrue();
	}

	@Test
	void skipsWhereTheLastWordLeavesOnlyTheClientCompiler() {
		assertThat(HashingWarmUp.optimisingCompilerAvailable(List.of("-XX:TieredStopAtLevel=1"))).isFalse();
		assertThat(HashingWarmUp
			.optimisingCompilerAvailable(List.of("-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:TieredStopAtLevel=4")))
			.isTrue();
		assertThat(HashingWarmUp
			.optimisingCompilerAvailable(List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1"))).isFalse();
	}

}
