package io.trunkguard.evidence;

import java.util.Objects;
import java.util.Set;

/**
 * What a caller of {@link FileStore#store} says about the bytes it streams in.
 *
 * @param originalName the name the file had (a path is cut to its base name)
 * @param uploader who stores it: a username or {@code system:<component>}
 * @param maxBytes larger content is refused while streaming, before it fills the disk
 * @param allowedTypes the sniffed content types accepted; empty accepts every type
 * @param growing told how far the bytes are written, for a reader following them; null
 * when nobody follows
 */
public record FileUpload(String originalName, String uploader, long maxBytes, Set<String> allowedTypes,
		GrowingFile growing) {

	public FileUpload {
		Objects.requireNonNull(uploader, "uploader");
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive");
		}
		allowedTypes = allowedTypes == null ? Set.of() : Set.copyOf(allowedTypes);
	}

	public FileUpload(String originalName, String uploader, long maxBytes, Set<String> allowedTypes) {
		this(originalName, uploader, maxBytes, allowedTypes, null);
	}

	/** The same upload, its writing followed by {@code file}'s reader. */
	public FileUpload following(GrowingFile file) {
		return new FileUpload(originalName, uploader, maxBytes, allowedTypes, file);
	}

	/** Any type, up to {@code maxBytes}. */
	public static FileUpload of(String originalName, String uploader, long maxBytes) {
		return new FileUpload(originalName, uploader, maxBytes, Set.of());
	}

	/** A document ({@link ContentTypes#DOCUMENTS}) up to {@code maxBytes}. */
	public static FileUpload document(String originalName, String uploader, long maxBytes) {
		return new FileUpload(originalName, uploader, maxBytes, ContentTypes.DOCUMENTS);
	}
}
