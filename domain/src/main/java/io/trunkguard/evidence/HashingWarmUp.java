package io.trunkguard.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.List;

/**
 * Has the JVM compile SHA-256 with its processor instructions before the first upload
 * needs it. Every stored file is hashed as it arrives ({@link DiskFileStore}); until the
 * optimising compiler has compiled the digest's block loop, SHA-256 runs as plain Java at
 * about a tenth of its speed, and right after a start that compiler is busy for a while:
 * the first capture of a gigabyte took seconds more CPU on its upload thread. Once the
 * application is ready, a background thread at the lowest priority hashes 32 MB of zeros
 * in the store's 1 MB pieces (about 0.2 s of CPU). Skipped when the JVM runs without the
 * optimising compiler ({@code -XX:TieredStopAtLevel=1}, as {@code ./run} starts it for a
 * short start-up), where it would gain nothing.
 */
@Component
class HashingWarmUp {

	private static final Logger log = LoggerFactory.getLogger(HashingWarmUp.class);

	static final int PIECE = 1 << 20;

	static final int PIECES = 32;

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (!optimisingCompilerAvailable()) {
			return;
		}
		Thread thread = new Thread(HashingWarmUp::hashZeros, "trunkguard-hash-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	/** Hashes {@link #PIECES} pieces of zeros; returns the hex digest (for tests). */
	static String hashZeros() {
		long started = System.nanoTime();
		byte[] piece = new byte[PIECE];
		MessageDigest digest = Sha256.digest();
		for (int i = 0; i < PIECES; i++) {
			digest.update(piece, 0, piece.length);
		}
		String hex = Sha256.hex(digest);
		log.debug("SHA-256 warmed up on {} MB in {} ms", PIECES, (System.nanoTime() - started) / 1_000_000);
		return hex;
	}

	static boolean optimisingCompilerAvailable() {
		return optimisingCompilerAvailable(ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

	/** The last {@code -XX:TieredStopAtLevel} counts, as for the JVM itself. */
	static boolean optimisingCompilerAvailable(List<String> jvmArguments) {
		boolean available = true;
		for (String argument : jvmArguments) {
			if (argument.startsWith("-XX:TieredStopAtLevel=")) {
				available = argument.equals("-XX:TieredStopAtLevel=4");
			}
		}
		return available;
	}

}
