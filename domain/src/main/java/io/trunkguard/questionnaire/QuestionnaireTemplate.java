package io.trunkguard.questionnaire;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A questionnaire template: sections of questions, in order. Never changed once used. */
@Entity
@Table(name = "questionnaire_template")
public class QuestionnaireTemplate {

	@Id
	private UUID id;

	@Column(nullable = false, unique = true, length = 200)
	private String name;

	@Column(length = 1000)
	private String description;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "questionnaire_template_question", joinColumns = @JoinColumn(name = "template_id"))
	@OrderColumn(name = "position")
	private List<TemplateQuestion> questions = new ArrayList<>();

	@Column(name = "created_by", nullable = false, length = 200)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected QuestionnaireTemplate() {
		// for JPA
	}

	QuestionnaireTemplate(String name, String description, List<TemplateQuestion> questions, String actor,
			Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.description = description;
		this.questions.addAll(questions);
		this.createdBy = actor;
		this.createdAt = now;
	}

	/** The questions grouped by section, in template order. */
	public Map<String, List<TemplateQuestion>> sections() {
		Map<String, List<TemplateQuestion>> sections = new LinkedHashMap<>();
		questions.forEach(q -> sections.computeIfAbsent(q.section(), s -> new ArrayList<>()).add(q));
		return sections;
	}

	public Optional<TemplateQuestion> question(String code) {
		return questions.stream().filter(q -> q.code().equals(code)).findFirst();
	}

	public UUID getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public List<TemplateQuestion> getQuestions() {
		return List.copyOf(questions);
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
