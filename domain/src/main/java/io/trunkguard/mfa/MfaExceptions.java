package io.trunkguard.mfa;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The exceptions opened for system owners. */
interface MfaExceptions extends Repository<MfaException, UUID> {

	MfaException save(MfaException exception);

	Optional<MfaException> findById(UUID id);

	List<MfaException> findByStatusOrderByOpenedAtAscUsernameAsc(MfaException.Status status);

	List<MfaException> findTop200ByStatusOrderByClosedAtDesc(MfaException.Status status);

}
