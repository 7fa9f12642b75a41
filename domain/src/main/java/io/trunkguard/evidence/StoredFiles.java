package io.trunkguard.evidence;

import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Repository of {@link StoredFile} rows (append-only). */
interface StoredFiles extends Repository<StoredFile, StoredFileId> {

	StoredFile save(StoredFile file);

	Optional<StoredFile> findById(StoredFileId id);

	List<StoredFile> findByIdIn(Collection<StoredFileId> ids);

	List<StoredFile> findBySha256OrderByUploadedAt(String sha256);

	boolean existsBySha256(String sha256);

}
