package io.trunkguard.trace;

import org.springframework.core.io.InputStreamSource;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One analysis to run: the capture's bytes and name, the optional TLS key log (NSS
 * format), the networks the operator calls internal (CIDR) and the time the analysis may
 * take.
 *
 * @param keyLog null when none was given
 * @param hashedBy the SHA-256 of exactly the bytes {@code capture} gives, computed by
 * whoever wrote them and asked for once the analysis has read them all: the analysis then
 * does not hash them a second time. Null: the analysis hashes what it reads.
 */
public record AnalysisRequest(String fileName, InputStreamSource capture, InputStreamSource keyLog,
		List<String> internalNetworks, Duration timeLimit, Supplier<String> hashedBy) {

	public AnalysisRequest {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(capture, "capture");
		internalNetworks = List.copyOf(internalNetworks);
		Objects.requireNonNull(timeLimit, "timeLimit");
	}

	/** A request whose analysis hashes the bytes it reads. */
	public AnalysisRequest(String fileName, InputStreamSource capture, InputStreamSource keyLog,
			List<String> internalNetworks, Duration timeLimit) {
		this(fileName, capture, keyLog, internalNetworks, timeLimit, null);
	}

}
