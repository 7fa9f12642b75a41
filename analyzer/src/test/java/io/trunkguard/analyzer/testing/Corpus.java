package io.trunkguard.analyzer.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared corpus: {@code ../shared/corpus} relative to the repository root,
 * found by walking up.
 */
public final class Corpus {

	private Corpus() {
	}

	public static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared").resolve("corpus");
			if (Files.isDirectory(candidate.resolve("public"))) {
				return candidate;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("shared/corpus not found above " + Path.of("").toAbsolutePath());
	}

	public static Path publicCapture(String name) {
		return root().resolve("public").resolve(name);
	}

}
