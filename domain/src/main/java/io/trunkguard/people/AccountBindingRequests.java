package io.trunkguard.people;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link AccountBindingRequest}s; they are kept, never deleted. */
interface AccountBindingRequests extends Repository<AccountBindingRequest, UUID> {

	AccountBindingRequest save(AccountBindingRequest request);

	Optional<AccountBindingRequest> findById(UUID id);

	List<AccountBindingRequest> findByStatusOrderByRequestedAt(AccountBindingRequest.Status status);

	boolean existsByPersonIdAndStatus(PersonId personId, AccountBindingRequest.Status status);

}
