package io.trunkguard.securityevent.web;

import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SecurityEventService;
import io.trunkguard.securityevent.SecurityEventSource;
import io.trunkguard.securityevent.SecurityEventType;
import io.trunkguard.securityevent.SecuritySeverity;
import io.trunkguard.securityevent.SiemDeliveries;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Security events, newest first, filtered by period (ISO dates, UTC, both days included),
 * severity, type and source. Read-only: admins, compliance leads and auditors.
 */
@Controller
class SecurityEventPages {

	private final SecurityEventService events;

	private final SiemDeliveries deliveries;

	SecurityEventPages(SecurityEventService events, SiemDeliveries deliveries) {
		this.events = events;
		this.deliveries = deliveries;
	}

	@GetMapping("/security-events")
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) SecuritySeverity severity,
			@RequestParam(required = false) SecurityEventType type,
			@RequestParam(required = false) SecurityEventSource source, @RequestParam(defaultValue = "0") int page,
			Model model) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("security-events.period",
					"The period ends (" + to + ") before it starts (" + from + ").");
		}
		Page<SecurityEvent> found = events.search(type, severity, source,
				from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
				to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("events", found);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("severity", severity);
		model.addAttribute("type", type);
		model.addAttribute("source", source);
		model.addAttribute("severities", SecuritySeverity.values());
		model.addAttribute("types", SecurityEventType.values());
		model.addAttribute("sources", SecurityEventSource.values());
		model.addAttribute("deliveries", deliveries.status());
		return "security-events/list";
	}

}
