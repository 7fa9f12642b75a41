package io.trunkguard.vendor;

import io.trunkguard.people.PersonId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

/** Repository of {@link Vendor} aggregates. */
public interface Vendors extends Repository<Vendor, VendorId> {

	Vendor save(Vendor vendor);

	Optional<Vendor> findById(VendorId id);

	Optional<Vendor> findByName(String name);

	boolean existsByName(String name);

	List<Vendor> findAllByOrderByName();

	List<Vendor> findByOwnerIdOrderByName(PersonId ownerId);

	long count();

	@Query("""
			select v from Vendor v
			where (:text is null or lower(v.name) like :text escape '\\' or lower(v.services) like :text escape '\\')
			  and (:tier is null or v.riskTier = :tier)
			""")
	Page<Vendor> search(@Param("text") String likePattern, @Param("tier") RiskTier tier, Pageable pageable);

}
