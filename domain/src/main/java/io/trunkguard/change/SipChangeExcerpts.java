package io.trunkguard.change;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The configuration excerpts attached to changes. */
interface SipChangeExcerpts extends Repository<SipChangeExcerpt, UUID> {

	SipChangeExcerpt save(SipChangeExcerpt excerpt);

	Optional<SipChangeExcerpt> findById(UUID id);

	List<SipChangeExcerpt> findByChangeIdOrderByAddedAt(SipChangeId changeId);

}
