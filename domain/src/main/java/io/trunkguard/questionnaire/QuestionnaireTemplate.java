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

/**
 * A questionnaire template: sections of questions, in order. Its questions never change
 * once created; a lead may rename it, and retire it so that it is no longer offered for
 * sending (a template already used is kept for the questionnaires that refer to it).
 */
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

	@Column(name = "retired_at")
	private Instant retiredAt;

	@Column(name = "retired_by", length = 200)
	private String retiredBy;

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

	void rename(String newName) {
		this.name = newName;
	}

	void retire(String actor, Instant now) {
		this.retiredAt = now;
		this.retiredBy = actor;
	}

	/**
	 * Whether a lead retired it: kept for its questionnaires, not offered for sending.
	 */
	public boolean isRetired() {
		return retiredAt != null;
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

	public Instant getRetiredAt() {
		return retiredAt;
	}

	public String getRetiredBy() {
		return retiredBy;
	}

}
