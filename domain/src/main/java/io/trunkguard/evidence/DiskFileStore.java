package io.trunkguard.evidence;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link FileStore} on a directory: bytes are streamed to a temporary file beside
 * their final place while their SHA-256 is computed, then moved (atomically) to
 * {@code <directory>/<first two hex digits>/<sha256>}; content already there is not
 * written twice. The row in {@code stored_file} names the hash.
 */
@Service
@Transactional
class DiskFileStore implements FileStore {

	/**
	 * Large pieces: a capture of a gigabyte is hashed and written in a thousand steps,
	 * not sixteen thousand (the streamed capture upload hands out pieces this large).
	 */
	private static final int BUFFER = 1024 * 1024;

	/** How often (in bytes written) the free space is checked. */
	private static final long SPACE_CHECK_EVERY = 16L * 1024 * 1024;

	private final StoredFiles files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Path directory;

	private final long minFreeBytes;

	DiskFileStore(StoredFiles files, EvidenceProperties properties, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.files = files;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.directory = properties.directory().toAbsolutePath().normalize();
		this.minFreeBytes = properties.minFreeSpace().toBytes();
	}

	@Override
	public StoredFile store(byte[] content, FileUpload upload) {
		return store(new ByteArrayInputStream(content), upload);
	}

	@Override
	public StoredFile store(InputStream content, FileUpload upload) {
		String name = FileNames.clean(upload.originalName());
		if (name.isEmpty()) {
			throw new InvalidInputException("file.name-required", "The file has no name.", Map.of("file", "no name"));
		}
		Written written = write(content, name, upload.maxBytes(), upload.allowedTypes(), upload.growing());
		StoredFile file = files.save(new StoredFile(StoredFileId.random(), written.sha256(), written.size(),
				written.contentType(), name, upload.uploader(), now()));
		events.publishEvent(new FileStored(file.getId(), name, file.getSha256(), file.getSizeBytes(),
				file.getContentType(), upload.uploader(), file.getUploadedAt()));
		return file;
	}

	private record Written(String sha256, long size, String contentType) {
	}

	private Written write(InputStream in, String name, long maxBytes, Set<String> allowedTypes, GrowingFile growing) {
		Path tmp = null;
		try {
			tmp = FileBytes.partFile(directory);
			if (growing != null) {
				growing.opened(tmp, name);
			}
			Path tmpDir = tmp.getParent();
			MessageDigest digest = Sha256.digest();
			byte[] buffer = new byte[BUFFER];
			long size = 0;
			long nextSpaceCheck = 0;
			String contentType = null;
			try (OutputStream out = Files.newOutputStream(tmp)) {
				// sniff from the first bytes, before anything else is written
				int head = in.readNBytes(buffer, 0, ContentTypes.SNIFF_BYTES);
				if (head == 0) {
					throw new InvalidInputException("file.empty", "The file " + name + " is empty.",
							Map.of("file", "empty"));
				}
				contentType = ContentTypes.sniff(buffer, head, name);
				if (!allowedTypes.isEmpty() && !allowedTypes.contains(contentType)) {
					throw new InvalidInputException("file.type-not-allowed", "The file " + name + " is a "
							+ ContentTypes.describe(contentType) + ", which is not accepted here.",
							Map.of("file", "type not allowed"));
				}
				int n = head;
				while (n > 0) {
					size += n;
					if (size > maxBytes) {
						throw new InvalidInputException("file.too-large",
								"The file " + name + " is larger than the " + FileNames.size(maxBytes) + " accepted.",
								Map.of("file", "too large"));
					}
					if (size >= nextSpaceCheck) {
						requireFreeSpace(tmpDir, name);
						nextSpaceCheck = size + SPACE_CHECK_EVERY;
					}
					digest.update(buffer, 0, n);
					out.write(buffer, 0, n);
					if (growing != null) {
						growing.grew(size);
					}
					n = in.read(buffer);
				}
			}
			String sha256 = Sha256.hex(digest);
			if (growing != null) {
				// before the move: a follower reads through a descriptor of its own
				growing.finished(size, sha256);
			}
			FileBytes.keep(directory, tmp, sha256);
			tmp = null;
			return new Written(sha256, size, contentType);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not store " + name + " under " + directory, e);
		}
		finally {
			if (growing != null && (tmp != null || growing.sha256() == null)) {
				growing.giveUp("the upload of " + name + " stopped before its end");
			}
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				}
				catch (IOException ignored) {
					// a leftover part file is harmless
				}
			}
		}
	}

	private void requireFreeSpace(Path dir, String name) throws IOException {
		long usable = Files.getFileStore(dir).getUsableSpace();
		if (usable - SPACE_CHECK_EVERY < minFreeBytes) {
			throw new InvalidInputException("file.disk-full", "The file " + name
					+ " was not stored: the disk holding the file store has only " + FileNames.size(usable) + " free.",
					Map.of("file", "no space left"));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public StoredFile get(StoredFileId id) {
		return find(id).orElseThrow(() -> new NotFoundException("StoredFile", id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StoredFile> find(StoredFileId id) {
		return files.findById(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<StoredFile> get(Collection<StoredFileId> ids) {
		return ids.isEmpty() ? List.of() : files.findByIdIn(ids);
	}

	@Override
	@Transactional(readOnly = true)
	public InputStream open(StoredFileId id) {
		StoredFile file = get(id);
		if (file.isDeleted()) {
			throw new NotFoundException("StoredFile", id);
		}
		try {
			return Files.newInputStream(pathOf(file.getSha256()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("the bytes of stored file " + id + " (" + file.getOriginalName()
					+ ") are missing from " + directory, e);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StoredFile> findBySha256(String sha256) {
		return findAllBySha256(sha256).stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<StoredFile> findAllBySha256(String sha256) {
		return files.findBySha256OrderByUploadedAt(Sha256.normal(sha256)).stream().filter(f -> !f.isDeleted()).toList();
	}

	@Override
	public boolean delete(StoredFileId id, String actor, String reason) {
		StoredFile file = get(id);
		Instant now = now();
		if (!file.markDeleted(actor, reason, now)) {
			return false;
		}
		files.save(file);
		boolean shared = files.findBySha256OrderByUploadedAt(file.getSha256())
			.stream()
			.anyMatch(other -> !other.getId().equals(id) && !other.isDeleted());
		if (!shared) {
			try {
				Files.deleteIfExists(pathOf(file.getSha256()));
			}
			catch (IOException e) {
				throw new UncheckedIOException("the bytes of stored file " + id + " could not be deleted", e);
			}
		}
		events.publishEvent(
				new FileDeleted(id, file.getOriginalName(), file.getSha256(), file.getSizeBytes(), reason, actor, now));
		return true;
	}

	private Path pathOf(String sha256) {
		return FileBytes.pathOf(directory, sha256);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
