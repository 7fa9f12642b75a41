package io.trunkguard.evidence;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the bytes of stored files live:
 * {@code <directory>/<first two hex digits>/<sha256>}, one file per distinct content.
 * Shared by the {@link DiskFileStore} and the migration that moved older copies out of
 * the database.
 */
final class FileBytes {

	private FileBytes() {
	}

	static Path pathOf(Path directory, String sha256) {
		String hash = Sha256.normal(sha256);
		if (!Sha256.isHex(hash)) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return directory.resolve(hash.substring(0, 2)).resolve(hash);
	}

	/** A new part file beside the final places, for bytes still being written. */
	static Path partFile(Path directory) throws IOException {
		Path tmpDir = directory.resolve("tmp");
		Files.createDirectories(tmpDir);
		return Files.createTempFile(tmpDir, "upload-", ".part");
	}

	/**
	 * Moves a finished part file to the place of its hash (atomically where the file
	 * system can), or drops it when those bytes are already there.
	 */
	static void keep(Path directory, Path part, String sha256) throws IOException {
		Path target = pathOf(directory, sha256);
		Files.createDirectories(target.getParent());
		if (Files.exists(target)) {
			Files.delete(part);
			return;
		}
		try {
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(part, target);
		}
		catch (FileAlreadyExistsException e) {
			// another store of the same content won the race: same bytes
			Files.deleteIfExists(part);
		}
	}

	/** Writes bytes already in memory to their place (unless already there). */
	static String write(Path directory, byte[] content) throws IOException {
		String sha256 = Sha256.hex(content);
		if (!Files.exists(pathOf(directory, sha256))) {
			Path part = partFile(directory);
			try {
				Files.write(part, content);
				keep(directory, part, sha256);
			}
			finally {
				Files.deleteIfExists(part);
			}
		}
		return sha256;
	}

}
