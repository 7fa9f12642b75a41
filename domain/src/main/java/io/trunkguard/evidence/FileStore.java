package io.trunkguard.evidence;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores files by streaming: the bytes go to disk as they arrive (never the whole file in
 * memory), the SHA-256 is computed on the way, the content type is sniffed from the first
 * bytes, and a {@link StoredFile} row records who stored what and when (audited as
 * {@code FILE_STORED}). Errors: {@link io.trunkguard.shared.InvalidInputException} for an
 * empty or too large file, a type not allowed, or a full disk (nothing is kept);
 * {@link io.trunkguard.shared.NotFoundException}.
 */
public interface FileStore {

	/**
	 * Reads {@code content} to its end (the caller closes it) and stores it. Joins the
	 * caller's transaction: the row commits or rolls back with it (bytes of a rolled-back
	 * store stay on disk, unreferenced, and are reused if the same content comes again).
	 */
	StoredFile store(InputStream content, FileUpload upload);

	/** Stores bytes already in memory (small generated files: reports, answers). */
	StoredFile store(byte[] content, FileUpload upload);

	StoredFile get(StoredFileId id);

	Optional<StoredFile> find(StoredFileId id);

	/** The files with these ids (in no particular order); unknown ids are skipped. */
	List<StoredFile> get(Collection<StoredFileId> ids);

	/** Opens the bytes of a stored file for reading; the caller closes the stream. */
	InputStream open(StoredFileId id);

	/**
	 * The first file stored with these bytes, if any: how a second upload of the same
	 * content is recognised.
	 */
	Optional<StoredFile> findBySha256(String sha256);

	/** Every file stored with these bytes (and not deleted), the oldest first. */
	List<StoredFile> findAllBySha256(String sha256);

	/**
	 * Deletes a stored file's bytes (those of no other stored file with the same
	 * content): the row stays and says when, by whom and why; audited as
	 * {@code FILE_DELETED}. Returns false when it was already deleted. Opening it
	 * afterwards is a {@link io.trunkguard.shared.NotFoundException}.
	 */
	boolean delete(StoredFileId id, String actor, String reason);

}
