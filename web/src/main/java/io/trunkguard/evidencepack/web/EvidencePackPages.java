package io.trunkguard.evidencepack.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.trunkguard.evidencepack.EvidencePackVerifier;
import io.trunkguard.evidencepack.EvidencePacks;
import io.trunkguard.evidencepack.PackRequest;
import io.trunkguard.evidencepack.PackVerification;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.web.LimitedUpload;
import io.trunkguard.web.UploadSizeLimit;

/**
 * The evidence pack pages of leads, auditors and admins: pick criteria and a period and
 * download the pack; upload a pack and read whether it matches its manifest and the live
 * audit trail.
 */
@Controller
class EvidencePackPages {

	private final EvidencePacks packs;

	private final EvidencePackVerifier verifier;

	private final Clock clock;

	EvidencePackPages(EvidencePacks packs, EvidencePackVerifier verifier, ObjectProvider<Clock> clock) {
		this.packs = packs;
		this.verifier = verifier;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** An upload larger than the server's multipart limit comes back with a sentence. */
	@Bean
	static LimitedUpload evidencePackUploads() {
		return LimitedUpload.of("^/evidence-packs/verify$", "/evidence-packs/verify");
	}

	@GetMapping("/evidence-packs")
	String form(Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		model.addAttribute("criteria", PackRequest.CRITERIA);
		model.addAttribute("chosen", PackRequest.CRITERIA);
		model.addAttribute("from", today.withDayOfYear(1).toString());
		model.addAttribute("to", today.toString());
		return "evidence-packs/form";
	}

	@GetMapping("/evidence-packs/download")
	ResponseEntity<StreamingResponseBody> download(@RequestParam(required = false) List<String> criteria,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication user) {
		return PackDownloads.zip(packs, PackDownloads.request(criteria == null ? null : String.join(",", criteria),
				from, to, user.getName(), clock));
	}

	/**
	 * A bad date or criterion in the form: the form again, with the sentence and the
	 * input.
	 */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView refused(InvalidInputException e, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("evidence-packs/form");
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("error", "No pack was made: " + e.getMessage() + ".");
		page.addObject("criteria", PackRequest.CRITERIA);
		String[] chosen = request.getParameterValues("criteria");
		page.addObject("chosen", chosen == null ? PackRequest.CRITERIA : List.of(chosen));
		page.addObject("from", request.getParameter("from"));
		page.addObject("to", request.getParameter("to"));
		return page;
	}

	@GetMapping("/evidence-packs/verify")
	String verifyForm(@RequestParam(required = false) String refused, Model model) {
		if (UploadSizeLimit.TOO_LARGE.equals(refused)) {
			model.addAttribute("error", "The pack is larger than the upload limit of this form: verify it with "
					+ "java -jar trunkguard.jar --trunkguard.pack.verify=FILE, or POST it to /api/evidence-packs/verify.");
		}
		return "evidence-packs/verify";
	}

	@PostMapping("/evidence-packs/verify")
	ModelAndView verify(@RequestParam(required = false) MultipartFile pack) throws IOException {
		ModelAndView page = new ModelAndView("evidence-packs/verify");
		if (pack == null || pack.isEmpty()) {
			page.setStatus(HttpStatus.BAD_REQUEST);
			page.addObject("error", "Choose the pack's ZIP file to verify.");
			return page;
		}
		PackVerification result;
		try (InputStream in = pack.getInputStream()) {
			result = verifier.verify(in);
		}
		page.addObject("result", result);
		page.addObject("fileName", pack.getOriginalFilename());
		return page;
	}

}
