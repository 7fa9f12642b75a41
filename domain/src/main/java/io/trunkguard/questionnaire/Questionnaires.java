package io.trunkguard.questionnaire;

import io.trunkguard.vendor.VendorId;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link Questionnaire}s. */
interface Questionnaires extends Repository<Questionnaire, UUID> {

	Questionnaire save(Questionnaire questionnaire);

	Optional<Questionnaire> findById(UUID id);

	Optional<Questionnaire> findByTokenHash(String tokenHash);

	List<Questionnaire> findByVendorIdOrderBySentAtDesc(VendorId vendorId);

	List<Questionnaire> findByReviewIdOrderBySentAtDesc(UUID reviewId);

	List<Questionnaire> findAllByOrderBySentAtDesc();

	boolean existsByTemplateId(UUID templateId);

	List<Questionnaire> findBySubmittedAtIsNullAndRevokedAtIsNullAndExpiresAtBetween(Instant from, Instant to);

}
