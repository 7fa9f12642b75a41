package io.trunkguard.control;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Service
@Validated
@Transactional
class DefaultControlService implements ControlService {

	private final Controls controls;

	private final ControlNarratives narratives;

	private final List<ControlCheck> checks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultControlService(Controls controls, ControlNarratives narratives, List<ControlCheck> checks,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.controls = controls;
		this.narratives = narratives;
		this.checks = List.copyOf(checks);
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Control> all() {
		return controls.findAllByOrderByPosition();
	}

	@Override
	@Transactional(readOnly = true)
	public Control get(String code) {
		return controls.findById(code).orElseThrow(() -> new NotFoundException("Control", code));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ControlNarrative> narrative(String code) {
		return narratives.findFirstByControlCodeOrderByVersionDesc(code);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ControlNarrative> narrativeHistory(String code) {
		return narratives.findByControlCodeOrderByVersionDesc(code);
	}

	@Override
	public ControlNarrative editNarrative(String code, String text, int basedOnVersion, String actor) {
		Control control = get(code);
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("control.narrative-required",
					"The narrative of " + control.getCode() + " must say how the criterion is met.",
					Map.of("text", "required"));
		}
		if (clean.length() > ControlNarrative.MAX_TEXT) {
			throw new InvalidInputException("control.narrative-too-long",
					"The narrative is longer than " + ControlNarrative.MAX_TEXT + " characters.",
					Map.of("text", "too long"));
		}
		int current = narrative(code).map(ControlNarrative::getVersion).orElse(0);
		StaleVersionException.check("Narrative of", code, (long) basedOnVersion, (long) current);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ControlNarrative saved = narratives.save(new ControlNarrative(code, current + 1, clean, actor, now));
		events.publishEvent(new ControlNarrativeEdited(code, saved.getVersion(), clean, actor, now));
		return saved;
	}

	@Override
	@Transactional(readOnly = true)
	public ControlStatus status(String code, LocalDate from, LocalDate to) {
		Control control = get(code);
		if (to.isBefore(from)) {
			throw new InvalidInputException("control.period-reversed",
					"The period must not end (" + to + ") before it starts (" + from + ").",
					Map.of("to", "before from"));
		}
		AssessedPeriod period = new AssessedPeriod(from, to, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		List<String> expectations = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		for (ControlCheck check : checks) {
			if (check.control().equals(control.getCode())) {
				expectations.add(check.expectation());
				gaps.addAll(check.gaps(period));
			}
		}
		return new ControlStatus(control.getCode(), control.getTitle(), from, to, expectations, gaps);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ControlStatus> statuses(LocalDate from, LocalDate to) {
		return all().stream().map(c -> status(c.getCode(), from, to)).toList();
	}

}
