package io.trunkguard.mfa;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The reads, never changed. */
interface MfaReads extends Repository<MfaRead, UUID> {

	MfaRead save(MfaRead read);

	Optional<MfaRead> findById(UUID id);

	Optional<MfaRead> findFirstByOrderByReadAtDesc();

	List<MfaRead> findTop24ByOrderByReadAtDesc();

}
