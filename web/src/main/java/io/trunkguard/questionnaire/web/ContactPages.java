package io.trunkguard.questionnaire.web;

import io.trunkguard.questionnaire.ContactView;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a carrier's contact sees through the questionnaire link, with no account: the
 * questionnaire of that link only, without navigation; save and come back, attach files,
 * submit once, then a read-only receipt. Any link that opens nothing (unknown, malformed,
 * expired, revoked, replaced) gets the same neutral page; too many of those from one
 * address are refused for a while. The token never leaves this page's own address.
 */
@Controller
class ContactPages {

	private final QuestionnaireService questionnaires;

	private final LinkThrottle throttle;

	ContactPages(QuestionnaireService questionnaires, LinkThrottle throttle) {
		this.questionnaires = questionnaires;
		this.throttle = throttle;
	}

	@GetMapping("/q/{token}")
	String open(@PathVariable String token, @RequestParam(required = false) String saved, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		String address = request.getRemoteAddr();
		if (throttle.blocked(address)) {
			return blocked(response);
		}
		Optional<ContactView> view = questionnaires.open(token, address);
		if (view.isEmpty()) {
			throttle.failed(address);
			return neutral(response);
		}
		model.addAttribute("view", view.get());
		model.addAttribute("token", token);
		model.addAttribute("saved", saved != null);
		return "questionnaire/answer";
	}

	@PostMapping("/q/{token}")
	String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(defaultValue = "save") String action, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		noStore(response);
		String address = request.getRemoteAddr();
		if (throttle.blocked(address)) {
			return blocked(response);
		}
		Map<String, String> answers = new HashMap<>();
		form.forEach((key, values) -> {
			if (key.startsWith("a_")) {
				answers.put(key.substring(2), String.join("|", values.stream().filter(v -> !v.isBlank()).toList()));
			}
		});
		try {
			if ("submit".equals(action)) {
				questionnaires.submit(token, answers, address);
			}
			else {
				questionnaires.save(token, answers, address);
			}
		}
		catch (DomainException refused) {
			if (refused instanceof io.trunkguard.shared.NotFoundException) {
				throttle.failed(address);
				return neutral(response);
			}
			return reshow(token, address, refused.getMessage(), response, model);
		}
		return "redirect:/q/" + token + ("submit".equals(action) ? "" : "?saved");
	}

	@PostMapping("/q/{token}/files/{code}")
	String attach(@PathVariable String token, @PathVariable String code,
			@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		noStore(response);
		String address = request.getRemoteAddr();
		if (throttle.blocked(address)) {
			return blocked(response);
		}
		if (file == null || file.isEmpty()) {
			return reshow(token, address, "choose a file to attach", response, model);
		}
		try (InputStream in = file.getInputStream()) {
			questionnaires.attach(token, code, in, file.getOriginalFilename(), address);
		}
		catch (DomainException refused) {
			if (refused instanceof io.trunkguard.shared.NotFoundException) {
				throttle.failed(address);
				return neutral(response);
			}
			return reshow(token, address, refused.getMessage(), response, model);
		}
		return "redirect:/q/" + token + "?saved";
	}

	private String reshow(String token, String address, String error, HttpServletResponse response, Model model) {
		Optional<ContactView> view = questionnaires.open(token, address);
		if (view.isEmpty()) {
			return neutral(response);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("view", view.get());
		model.addAttribute("token", token);
		model.addAttribute("error", Character.toUpperCase(error.charAt(0)) + error.substring(1) + ".");
		return "questionnaire/answer";
	}

	private static String neutral(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "questionnaire/invalid";
	}

	private static String blocked(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", "900");
		return "questionnaire/invalid";
	}

	/** Not cached, not indexed, never sent on as a referrer. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
	}

}
