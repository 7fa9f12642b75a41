package io.trunkguard.questionnaire;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of {@link QuestionnaireTemplate}s. */
interface QuestionnaireTemplates extends Repository<QuestionnaireTemplate, UUID> {

	QuestionnaireTemplate save(QuestionnaireTemplate template);

	Optional<QuestionnaireTemplate> findById(UUID id);

	Optional<QuestionnaireTemplate> findByName(String name);

	List<QuestionnaireTemplate> findAllByOrderByName();

	List<QuestionnaireTemplate> findByRetiredAtIsNullOrderByName();

	void delete(QuestionnaireTemplate template);

}
