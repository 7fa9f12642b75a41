package io.trunkguard.control.web;

import io.trunkguard.control.Control;
import io.trunkguard.control.ControlNarrative;
import io.trunkguard.control.ControlService;
import io.trunkguard.control.ControlStatus;
import io.trunkguard.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.List;

/**
 * The controls page: each control's status for a period with its gaps named, its
 * expectations, points of focus and current narrative; a compliance lead writes a new
 * version of a narrative.
 */
@Controller
class ControlPages {

	/** One control on the page. */
	record ControlView(Control control, ControlStatus status, ControlNarrative narrative) {
	}

	private final ControlService controls;

	private final Clock clock;

	ControlPages(ControlService controls, ObjectProvider<Clock> clock) {
		this.controls = controls;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/controls")
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		ControlPeriod period = ControlPeriod.of(from, to, clock);
		List<ControlView> views = controls.all()
			.stream()
			.map(c -> new ControlView(c, controls.status(c.getCode(), period.from(), period.to()),
					controls.narrative(c.getCode()).orElse(null)))
			.toList();
		model.addAttribute("period", period);
		model.addAttribute("controls", views);
		return "controls/list";
	}

	@PostMapping("/controls/{code}/narrative")
	String editNarrative(@PathVariable String code, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "0") int basedOnVersion, Authentication user, RedirectAttributes redirect) {
		Control control = controls.get(code);
		try {
			ControlNarrative saved = controls.editNarrative(control.getCode(), text, basedOnVersion, user.getName());
			redirect.addFlashAttribute("message", "Saved version " + saved.getVersion() + " of the " + control.getCode()
					+ " narrative, written by " + user.getName() + ".");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error",
					"The " + control.getCode() + " narrative was not saved: " + refused.getMessage() + ".");
		}
		return "redirect:/controls";
	}

}
