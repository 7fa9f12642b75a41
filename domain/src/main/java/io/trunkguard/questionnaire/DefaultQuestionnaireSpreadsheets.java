package io.trunkguard.questionnaire;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

@Service
@Validated
@Transactional
class DefaultQuestionnaireSpreadsheets implements QuestionnaireSpreadsheets {

	/** Largest spreadsheet accepted. */
	static final long MAX_SHEET = 5L * 1024 * 1024;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private final Questionnaires questionnaires;

	private final QuestionnaireTemplates templates;

	private final VendorService vendors;

	private final FileStore files;

	private final ObjectProvider<QuestionnaireSheets> sheets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultQuestionnaireSpreadsheets(Questionnaires questionnaires, QuestionnaireTemplates templates,
			VendorService vendors, FileStore files, ObjectProvider<QuestionnaireSheets> sheets,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.questionnaires = questionnaires;
		this.templates = templates;
		this.vendors = vendors;
		this.files = files;
		this.sheets = sheets;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public QuestionnaireTemplate importTemplate(String name, String description, InputStream xlsx, String fileName,
			String actor) {
		String title = name.strip();
		if (templates.findByName(title).isPresent()) {
			throw new ConflictException("questionnaire.template-exists", "a template named " + title + " exists");
		}
		List<SheetRow> rows = sheets().read(new ByteArrayInputStream(readAll(limited(xlsx))));
		List<String> problems = new ArrayList<>();
		List<TemplateQuestion> questions = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		requireHeader(rows, "Section", problems);
		for (SheetRow row : rows) {
			if (row.number() == 1 || row.isBlank()) {
				continue;
			}
			List<String> wrong = new ArrayList<>();
			formulas(row, wrong);
			TemplateQuestion question = question(row, codes, wrong);
			if (wrong.isEmpty()) {
				questions.add(question);
			}
			else {
				problems.add("row " + row.number() + ": " + String.join("; ", wrong));
			}
		}
		if (problems.isEmpty() && questions.isEmpty()) {
			problems.add("the sheet has no question below its header row");
		}
		refuse(problems, "template");
		QuestionnaireTemplate template = templates.save(new QuestionnaireTemplate(title,
				description == null || description.isBlank() ? null : description.strip(), questions, actor, now()));
		events.publishEvent(new QuestionnaireTemplateImported(template.getId(), template.getName(), questions.size(),
				fileName, actor, template.getCreatedAt()));
		return template;
	}

	@Override
	public byte[] exportForOffline(UUID questionnaireId, String actor) {
		Questionnaire questionnaire = get(questionnaireId);
		QuestionnaireTemplate template = template(questionnaire);
		Map<String, String> answers = new LinkedHashMap<>();
		questionnaire.answersByCode().forEach((code, a) -> answers.put(code, a.value()));
		byte[] content = sheets().write(new QuestionnaireSheets.OfflineQuestionnaire(
				vendors.get(questionnaire.getVendorId()).getName(), template.getName(), questionnaire.getContactName(),
				questionnaire.getExpiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString(), template.getQuestions(),
				answers));
		events.publishEvent(new QuestionnaireEvent(questionnaire.getId(), questionnaire.getVendorId(),
				questionnaire.getReviewId(), QuestionnaireEvent.EXPORTED, null,
				"exported as a spreadsheet for answering offline", actor, now()));
		return content;
	}

	@Override
	public int importAnswers(UUID questionnaireId, InputStream xlsx, String fileName, boolean submit, String actor) {
		Questionnaire questionnaire = get(questionnaireId);
		Instant now = now();
		if (!questionnaire.stateAt(now).isOpen()) {
			throw new InvalidStateException("questionnaire.closed", "the questionnaire is "
					+ questionnaire.stateAt(now).label().toLowerCase(Locale.ROOT) + " and takes no more answers");
		}
		byte[] content = readAll(limited(xlsx));
		List<SheetRow> rows = sheets().read(new ByteArrayInputStream(content));
		QuestionnaireTemplate template = template(questionnaire);
		List<String> problems = new ArrayList<>();
		requireHeader(rows, "Section", problems);
		Map<String, String> answers = new LinkedHashMap<>();
		int answerColumn = QuestionnaireSheets.ANSWER_COLUMNS.indexOf("Answer");
		for (SheetRow row : rows) {
			if (row.number() == 1 || row.isBlank()) {
				continue;
			}
			List<String> wrong = new ArrayList<>();
			formulas(row, wrong);
			String code = row.cell(1);
			Optional<TemplateQuestion> question = template.question(code);
			String answer = row.cell(answerColumn);
			if (question.isEmpty()) {
				wrong.add("\"" + code + "\" is not a question of this questionnaire");
			}
			else if (answers.containsKey(code)) {
				wrong.add("question " + code + " is answered twice");
			}
			else if (!answer.isEmpty()) {
				answerProblem(question.get(), answer).ifPresent(wrong::add);
			}
			if (wrong.isEmpty() && question.isPresent() && question.get().type() != QuestionType.FILE) {
				answers.put(code, normalised(question.get(), answer));
			}
			else if (!wrong.isEmpty()) {
				problems.add("row " + row.number() + ": " + String.join("; ", wrong));
			}
		}
		refuse(problems, "answers");
		StoredFile file = files.store(content,
				FileUpload.of(fileName == null ? "answered-questionnaire.xlsx" : fileName, actor, MAX_SHEET));
		questionnaire.save(answers, now);
		String detail = answers.values().stream().filter(v -> !v.isEmpty()).count() + " answer(s) imported from "
				+ file.getOriginalName() + " (SHA-256 " + file.getSha256() + ") by " + actor;
		events.publishEvent(new QuestionnaireEvent(questionnaire.getId(), questionnaire.getVendorId(),
				questionnaire.getReviewId(), QuestionnaireEvent.IMPORTED, null, detail, actor, now));
		if (submit) {
			questionnaire.submit("offline spreadsheet imported by " + actor, now);
			events.publishEvent(new QuestionnaireEvent(questionnaire.getId(), questionnaire.getVendorId(),
					questionnaire.getReviewId(), QuestionnaireEvent.SUBMITTED, null,
					"submitted on the contact's behalf with the offline spreadsheet", actor, now));
		}
		questionnaires.save(questionnaire);
		return (int) answers.values().stream().filter(v -> !v.isEmpty()).count();
	}

	private static TemplateQuestion question(SheetRow row, Set<String> codes, List<String> wrong) {
		String section = row.cell(0);
		String code = row.cell(1);
		String text = row.cell(2);
		String typeText = row.cell(3);
		String choices = row.cell(4);
		String expected = row.cell(5);
		String help = row.cell(6);
		String weightText = row.cell(7);
		require(section, "a section", 200, wrong);
		if (code.isEmpty()) {
			wrong.add("the id is missing");
		}
		else if (!CODE.matcher(code).matches()) {
			wrong.add(
					"the id \"" + code + "\" may hold only letters, digits, dots, dashes and underscores (at most 40)");
		}
		else if (!codes.add(code)) {
			wrong.add("the id " + code + " is used by an earlier row");
		}
		require(text, "the question's text", 2000, wrong);
		QuestionType type = type(typeText);
		if (type == null) {
			wrong.add("the type \"" + typeText + "\" is not one of yes/no, single choice, multiple choice, text, "
					+ "date, file");
		}
		List<String> choiceList = split(choices);
		if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE) {
			if (choiceList.size() < 2) {
				wrong.add("a choice question needs at least two choices separated by |");
			}
		}
		if (choices.length() > 2000) {
			wrong.add("the choices are longer than 2000 characters");
		}
		if (!expected.isEmpty() && type != null) {
			TemplateQuestion probe = new TemplateQuestion(section, code, text, type, choices, null, null, 1);
			answerProblem(probe, expected).map(p -> "the expected answer: " + p).ifPresent(wrong::add);
		}
		if (expected.length() > 500) {
			wrong.add("the expected answer is longer than 500 characters");
		}
		if (help.length() > 2000) {
			wrong.add("the help text is longer than 2000 characters");
		}
		int weight = 1;
		if (!weightText.isEmpty()) {
			try {
				weight = (int) Double.parseDouble(weightText);
				if (weight < 0 || weight > 100 || weight != Double.parseDouble(weightText)) {
					wrong.add("the weight must be a whole number from 0 to 100");
				}
			}
			catch (NumberFormatException e) {
				wrong.add("the weight \"" + weightText + "\" is not a number");
			}
		}
		if (!wrong.isEmpty()) {
			return null;
		}
		return new TemplateQuestion(section, code, text, type,
				choiceList.isEmpty() ? null : String.join("|", choiceList), expected.isEmpty() ? null : expected,
				help.isEmpty() ? null : help, weight);
	}

	/** What is wrong with {@code answer} to {@code question}, if anything. */
	static Optional<String> answerProblem(TemplateQuestion question, String answer) {
		if (answer.length() > 4000) {
			return Optional.of("the answer is longer than 4000 characters");
		}
		switch (question.type()) {
			case YES_NO, SINGLE_CHOICE -> {
				if (question.choiceList().stream().noneMatch(c -> c.equalsIgnoreCase(answer))) {
					return Optional.of("\"" + answer + "\" is not one of " + String.join(", ", question.choiceList()));
				}
			}
			case MULTIPLE_CHOICE -> {
				for (String given : split(answer)) {
					if (question.choiceList().stream().noneMatch(c -> c.equalsIgnoreCase(given))) {
						return Optional
							.of("\"" + given + "\" is not one of " + String.join(", ", question.choiceList()));
					}
				}
			}
			case DATE -> {
				try {
					LocalDate.parse(answer.length() > 10 ? answer.substring(0, 10) : answer);
				}
				catch (DateTimeParseException e) {
					return Optional.of("\"" + answer + "\" is not a date (YYYY-MM-DD)");
				}
			}
			case FILE -> {
				return Optional.of("question " + question.code()
						+ " takes a file: attach it through the questionnaire's link, not in the spreadsheet");
			}
			default -> {
			}
		}
		return Optional.empty();
	}

	/** The answer as the form stores it: choices spelled as in the template. */
	private static String normalised(TemplateQuestion question, String answer) {
		if (answer.isEmpty()) {
			return answer;
		}
		return switch (question.type()) {
			case YES_NO, SINGLE_CHOICE ->
				question.choiceList().stream().filter(c -> c.equalsIgnoreCase(answer)).findFirst().orElse(answer);
			case MULTIPLE_CHOICE -> String.join("|", split(answer).stream()
				.map(g -> question.choiceList().stream().filter(c -> c.equalsIgnoreCase(g)).findFirst().orElse(g))
				.toList());
			case DATE -> answer.length() > 10 ? answer.substring(0, 10) : answer;
			default -> answer;
		};
	}

	static QuestionType type(String text) {
		String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_/-]+", " ");
		return switch (t) {
			case "yes no", "yes or no", "boolean" -> QuestionType.YES_NO;
			case "single choice", "one choice", "choice" -> QuestionType.SINGLE_CHOICE;
			case "multiple choice", "several choices", "multi choice" -> QuestionType.MULTIPLE_CHOICE;
			case "text", "free text" -> QuestionType.TEXT;
			case "date" -> QuestionType.DATE;
			case "file", "file upload" -> QuestionType.FILE;
			default -> null;
		};
	}

	private static List<String> split(String choices) {
		List<String> list = new ArrayList<>();
		for (String c : choices.split("\\|")) {
			if (!c.isBlank()) {
				list.add(c.strip());
			}
		}
		return list;
	}

	private static void require(String value, String what, int max, List<String> wrong) {
		if (value.isEmpty()) {
			wrong.add(what + " is missing");
		}
		else if (value.length() > max) {
			wrong.add(what + " is longer than " + max + " characters");
		}
	}

	private static void formulas(SheetRow row, List<String> wrong) {
		row.formulaCells()
			.forEach(ref -> wrong
				.add("cell " + ref + " holds a formula; type the value instead (formulas are refused)"));
	}

	private static void requireHeader(List<SheetRow> rows, String first, List<String> problems) {
		if (rows.isEmpty() || !rows.get(0).cell(0).equalsIgnoreCase(first)) {
			problems.add("row 1 must be the header row starting with \"" + first + "\"");
		}
	}

	private static void refuse(List<String> problems, String what) {
		if (problems.isEmpty()) {
			return;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		problems.forEach(p -> fields.put(p.substring(0, p.indexOf(':') < 0 ? p.length() : p.indexOf(':')), p));
		throw new InvalidInputException("questionnaire.sheet-rows", "nothing was imported; " + problems.size()
				+ " problem(s) in the spreadsheet: " + String.join(". ", problems), fields);
	}

	private QuestionnaireSheets sheets() {
		QuestionnaireSheets s = sheets.getIfAvailable();
		if (s == null) {
			throw new IllegalStateException("no QuestionnaireSheets: the reports module is not on the class path");
		}
		return s;
	}

	private Questionnaire get(UUID id) {
		return questionnaires.findById(id).orElseThrow(() -> new NotFoundException("Questionnaire", id));
	}

	private QuestionnaireTemplate template(Questionnaire questionnaire) {
		return templates.findById(questionnaire.getTemplateId())
			.orElseThrow(() -> new NotFoundException("QuestionnaireTemplate", questionnaire.getTemplateId()));
	}

	private static InputStream limited(InputStream in) {
		return new InputStream() {
			long read;

			@Override
			public int read() throws IOException {
				int b = in.read();
				if (b >= 0 && ++read > MAX_SHEET) {
					throw tooLarge();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int off, int len) throws IOException {
				int n = in.read(buffer, off, len);
				if (n > 0 && (read += n) > MAX_SHEET) {
					throw tooLarge();
				}
				return n;
			}
		};
	}

	private static InvalidInputException tooLarge() {
		return new InvalidInputException("questionnaire.sheet-too-large",
				"the spreadsheet is larger than " + (MAX_SHEET / 1024 / 1024) + " MB");
	}

	private static byte[] readAll(InputStream in) {
		try {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
