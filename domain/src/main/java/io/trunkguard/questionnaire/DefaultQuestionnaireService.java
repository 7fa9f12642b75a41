package io.trunkguard.questionnaire;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@Service
@Validated
@Transactional
class DefaultQuestionnaireService implements QuestionnaireService {

	private final Questionnaires questionnaires;

	private final QuestionnaireTemplates templates;

	private final VendorService vendors;

	private final FileStore files;

	private final QuestionnaireProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultQuestionnaireService(Questionnaires questionnaires, QuestionnaireTemplates templates, VendorService vendors,
			FileStore files, QuestionnaireProperties properties, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.questionnaires = questionnaires;
		this.templates = templates;
		this.vendors = vendors;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public QuestionnaireTemplate defaultTemplate() {
		return templates.findByName(VoiceCarrierTemplate.NAME)
			.orElseGet(() -> templates.save(new QuestionnaireTemplate(VoiceCarrierTemplate.NAME,
					VoiceCarrierTemplate.DESCRIPTION, VoiceCarrierTemplate.questions(), "system:trunkguard", now())));
	}

	@Override
	@Transactional(readOnly = true)
	public List<QuestionnaireTemplate> templates() {
		return templates.findAllByOrderByName();
	}

	@Override
	@Transactional(readOnly = true)
	public List<QuestionnaireTemplate> templatesToSend() {
		return templates.findByRetiredAtIsNullOrderByName();
	}

	@Override
	public QuestionnaireTemplate renameTemplate(UUID id, String name, String actor) {
		QuestionnaireTemplate template = changeable(id, "renamed");
		String before = template.getName();
		String after = name.strip();
		if (after.equals(before)) {
			return template;
		}
		templates.findByName(after).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
			throw new ConflictException("questionnaire.template-exists",
					"another template is already named " + after + "; choose a different name");
		});
		template.rename(after);
		templates.save(template);
		events.publishEvent(new QuestionnaireTemplateChanged(id, QuestionnaireTemplateChanged.RENAMED, after,
				"renamed from " + before + " to " + after, actor, now()));
		return template;
	}

	@Override
	public TemplateRemoval removeTemplate(UUID id, String actor) {
		QuestionnaireTemplate template = changeable(id, "removed");
		if (questionnaires.existsByTemplateId(id)) {
			if (template.isRetired()) {
				return TemplateRemoval.RETIRED;
			}
			template.retire(actor, now());
			templates.save(template);
			events.publishEvent(new QuestionnaireTemplateChanged(id, QuestionnaireTemplateChanged.RETIRED,
					template.getName(), "retired: questionnaires were sent from it, so it is kept for them and no "
							+ "longer offered for sending",
					actor, template.getRetiredAt()));
			return TemplateRemoval.RETIRED;
		}
		templates.delete(template);
		events.publishEvent(new QuestionnaireTemplateChanged(id, QuestionnaireTemplateChanged.DELETED,
				template.getName(),
				"deleted with its " + template.getQuestions().size() + " questions; no questionnaire was sent from it",
				actor, now()));
		return TemplateRemoval.DELETED;
	}

	private QuestionnaireTemplate changeable(UUID id, String change) {
		QuestionnaireTemplate template = template(id);
		if (VoiceCarrierTemplate.NAME.equals(template.getName())) {
			throw new InvalidStateException("questionnaire.template-built-in", "the built-in template "
					+ template.getName() + " is the default of every annual review and cannot be " + change);
		}
		return template;
	}

	@Override
	@Transactional(readOnly = true)
	public QuestionnaireTemplate template(UUID id) {
		return templates.findById(id).orElseThrow(() -> new NotFoundException("QuestionnaireTemplate", id));
	}

	@Override
	public Questionnaire send(VendorId vendorId, UUID templateId, UUID reviewId, String contactName,
			String contactEmail, String actor) {
		Vendor vendor = vendors.get(vendorId);
		QuestionnaireTemplate template = templateId == null ? defaultTemplate() : template(templateId);
		if (template.isRetired()) {
			throw new InvalidStateException("questionnaire.template-retired",
					"the template " + template.getName() + " was retired on "
							+ template.getRetiredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()
							+ " and can no longer be sent; choose another template");
		}
		String token = LinkTokens.generate();
		Questionnaire questionnaire = questionnaires
			.save(new Questionnaire(vendorId, template.getId(), reviewId, contactName.strip(), contactEmail.strip(),
					LinkTokens.hash(token), properties.linkValidity(), actor, now()));
		events.publishEvent(
				new QuestionnaireEvent(questionnaire.getId(), vendorId, reviewId, QuestionnaireEvent.SENT, null,
						"to " + contactName + " <" + contactEmail + ">, template " + template.getName()
								+ ", link valid until " + questionnaire.getExpiresAt(),
						actor, questionnaire.getSentAt()));
		events.publishEvent(new QuestionnaireLinkIssued(questionnaire.getId(), vendor.getName(), contactName,
				contactEmail, token, questionnaire.getExpiresAt(), actor));
		return questionnaire;
	}

	@Override
	public Questionnaire resend(UUID questionnaireId, String actor) {
		Questionnaire questionnaire = get(questionnaireId);
		String token = LinkTokens.generate();
		questionnaire.reissue(LinkTokens.hash(token), properties.linkValidity(), actor, now());
		questionnaires.save(questionnaire);
		events.publishEvent(
				new QuestionnaireEvent(questionnaire.getId(), questionnaire.getVendorId(), questionnaire.getReviewId(),
						QuestionnaireEvent.RESENT, null, "new link " + questionnaire.getLinksIssued() + " to "
								+ questionnaire.getContactEmail() + "; the previous link no longer opens it",
						actor, questionnaire.getSentAt()));
		events.publishEvent(new QuestionnaireLinkIssued(questionnaire.getId(),
				vendors.get(questionnaire.getVendorId()).getName(), questionnaire.getContactName(),
				questionnaire.getContactEmail(), token, questionnaire.getExpiresAt(), actor));
		return questionnaire;
	}

	@Override
	public Questionnaire revoke(UUID questionnaireId, String actor) {
		Questionnaire questionnaire = get(questionnaireId);
		Instant now = now();
		questionnaire.revoke(actor, now);
		questionnaires.save(questionnaire);
		events.publishEvent(new QuestionnaireEvent(questionnaire.getId(), questionnaire.getVendorId(),
				questionnaire.getReviewId(), QuestionnaireEvent.REVOKED, null, null, actor, now));
		return questionnaire;
	}

	@Override
	@Transactional(readOnly = true)
	public Questionnaire get(UUID questionnaireId) {
		return questionnaires.findById(questionnaireId)
			.orElseThrow(() -> new NotFoundException("Questionnaire", questionnaireId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Questionnaire> ofVendor(VendorId vendorId) {
		return questionnaires.findByVendorIdOrderBySentAtDesc(vendorId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Questionnaire> ofReview(UUID reviewId) {
		return questionnaires.findByReviewIdOrderBySentAtDesc(reviewId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TemplateQuestion> deviations(Questionnaire questionnaire) {
		QuestionnaireTemplate template = template(questionnaire.getTemplateId());
		Map<String, Answer> answers = questionnaire.answersByCode();
		return template.getQuestions()
			.stream()
			.filter(q -> answers.containsKey(q.code()) || questionnaire.getSubmittedAt() != null)
			.filter(q -> q.deviates(answers.containsKey(q.code()) ? answers.get(q.code()).value() : null))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrackerRow> tracker(QuestionnaireState state, String vendorText) {
		Instant now = now();
		Map<VendorId, String> names = vendors.all().stream().collect(Collectors.toMap(Vendor::getId, Vendor::getName));
		Map<UUID, QuestionnaireTemplate> byId = new HashMap<>();
		String text = vendorText == null || vendorText.isBlank() ? null : vendorText.strip().toLowerCase(Locale.ROOT);
		return questionnaires.findAllByOrderBySentAtDesc().stream().filter(q -> {
			String name = names.getOrDefault(q.getVendorId(), "");
			return (state == null || q.stateAt(now) == state)
					&& (text == null || name.toLowerCase(Locale.ROOT).contains(text));
		}).map(q -> {
			QuestionnaireTemplate template = byId.computeIfAbsent(q.getTemplateId(), this::template);
			Map<String, Answer> answers = q.answersByCode();
			int deviations = (int) template.getQuestions()
				.stream()
				.filter(t -> answers.containsKey(t.code()) || q.getSubmittedAt() != null)
				.filter(t -> t.deviates(answers.containsKey(t.code()) ? answers.get(t.code()).value() : null))
				.count();
			long daysLeft = Math.max(0, Duration.between(now, q.getExpiresAt()).toDays());
			return new TrackerRow(q.getId(), q.getVendorId().toString(), names.get(q.getVendorId()), q.getContactName(),
					q.getContactEmail(), q.stateAt(now), q.getSentAt(), q.getExpiresAt(), daysLeft, deviations,
					(int) answers.values().stream().filter(a -> a.value() != null).count(),
					template.getQuestions().size(), q.getSubmittedAt());
		}).toList();
	}

	@Override
	public Optional<ContactView> open(String token, String sourceAddress) {
		Optional<Questionnaire> found = byToken(token);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Questionnaire questionnaire = found.get();
		Instant now = now();
		QuestionnaireState state = questionnaire.stateAt(now);
		if (state == QuestionnaireState.EXPIRED || state == QuestionnaireState.REVOKED) {
			return Optional.empty();
		}
		questionnaire.opened(now);
		questionnaires.save(questionnaire);
		event(questionnaire, QuestionnaireEvent.OPENED, sourceAddress, null, now);
		return Optional.of(new ContactView(questionnaire, template(questionnaire.getTemplateId()),
				vendors.get(questionnaire.getVendorId()).getName(), state == QuestionnaireState.SUBMITTED));
	}

	@Override
	public void save(String token, Map<String, String> answers, String sourceAddress) {
		Questionnaire questionnaire = usable(token);
		Instant now = now();
		questionnaire.save(known(questionnaire, answers), now);
		questionnaires.save(questionnaire);
		event(questionnaire, QuestionnaireEvent.SAVED, sourceAddress,
				questionnaire.answersByCode().size() + " answer(s)", now);
	}

	@Override
	public void attach(String token, String questionCode, InputStream content, String fileName, String sourceAddress) {
		Questionnaire questionnaire = usable(token);
		TemplateQuestion question = template(questionnaire.getTemplateId()).question(questionCode)
			.filter(q -> q.type() == QuestionType.FILE)
			.orElseThrow(() -> new InvalidInputException("questionnaire.not-a-file-question",
					"Question " + questionCode + " does not take a file."));
		StoredFile file = files.store(content, FileUpload.document(fileName,
				"contact:" + questionnaire.getContactEmail(), properties.maxAttachment().toBytes()));
		Instant now = now();
		questionnaire.attach(question.code(), file.getId(), file.getOriginalName(), now);
		questionnaires.save(questionnaire);
		event(questionnaire, QuestionnaireEvent.FILE_ATTACHED, sourceAddress,
				question.code() + ": " + file.getOriginalName() + " (SHA-256 " + file.getSha256() + ")", now);
	}

	@Override
	public void submit(String token, Map<String, String> answers, String sourceAddress) {
		Questionnaire questionnaire = usable(token);
		Instant now = now();
		questionnaire.save(known(questionnaire, answers), now);
		questionnaire.submit(sourceAddress, now);
		questionnaires.save(questionnaire);
		event(questionnaire, QuestionnaireEvent.SUBMITTED, sourceAddress,
				questionnaire.answersByCode().size() + " answer(s)", now);
	}

	@Override
	public int remindBeforeExpiry() {
		Instant now = now();
		int sent = 0;
		for (Questionnaire q : questionnaires.findBySubmittedAtIsNullAndRevokedAtIsNullAndExpiresAtBetween(now,
				now.plus(Duration.ofDays(7)))) {
			long daysLeft = Duration.between(now, q.getExpiresAt()).toDays();
			int due = daysLeft < 2 ? 2 : 1;
			if (q.getRemindersSent() >= due) {
				continue;
			}
			while (q.getRemindersSent() < due) {
				q.reminded();
			}
			questionnaires.save(q);
			events.publishEvent(
					new QuestionnaireEvent(q.getId(), q.getVendorId(), q.getReviewId(), QuestionnaireEvent.REMINDED,
							null, "link expires " + q.getExpiresAt(), "system:questionnaire-reminders", now));
			events.publishEvent(new QuestionnaireReminderDue(q.getId(), vendors.get(q.getVendorId()).getName(),
					q.getContactName(), q.getContactEmail(), q.getExpiresAt(), daysLeft));
			sent++;
		}
		return sent;
	}

	private Map<String, String> known(Questionnaire questionnaire, Map<String, String> answers) {
		QuestionnaireTemplate template = template(questionnaire.getTemplateId());
		Map<String, String> known = new HashMap<>();
		answers.forEach(
				(code, value) -> template.question(code).filter(q -> q.type() != QuestionType.FILE).ifPresent(q -> {
					if (value != null && value.length() > 4000) {
						throw new InvalidInputException("questionnaire.answer-too-long",
								"The answer to " + code + " is longer than 4000 characters.", Map.of(code, "too long"));
					}
					known.put(code, value);
				}));
		return known;
	}

	/**
	 * The questionnaire of a token that may still take answers, else a neutral refusal.
	 */
	private Questionnaire usable(String token) {
		return byToken(token).filter(q -> q.stateAt(now()).isOpen())
			.orElseThrow(() -> new NotFoundException("Questionnaire", "for this link"));
	}

	private Optional<Questionnaire> byToken(String token) {
		if (!LinkTokens.wellFormed(token)) {
			return Optional.empty();
		}
		return questionnaires.findByTokenHash(LinkTokens.hash(token));
	}

	private void event(Questionnaire q, String action, String sourceAddress, String detail, Instant now) {
		events.publishEvent(new QuestionnaireEvent(q.getId(), q.getVendorId(), q.getReviewId(), action, sourceAddress,
				detail, "contact:" + q.getContactEmail(), now));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
