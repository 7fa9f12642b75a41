package io.trunkguard.review;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.UUID;

/** Repository of {@link ReviewComment}s (append-only). */
public interface ReviewComments extends Repository<ReviewComment, UUID> {

	ReviewComment save(ReviewComment comment);

	List<ReviewComment> findByItemIdOrderByCreatedAt(ReviewItemId itemId);

}
