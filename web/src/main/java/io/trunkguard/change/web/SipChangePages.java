package io.trunkguard.change.web;

import io.trunkguard.change.InfrastructureKind;
import io.trunkguard.change.SipChange;
import io.trunkguard.change.SipChangeExcerpt;
import io.trunkguard.change.SipChangeId;
import io.trunkguard.change.SipChangeService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.web.FormErrors;
import io.trunkguard.web.StoredFileResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pages of SIP change records: the list per period (read-only for auditors), the form a
 * lead or admin records a change with, and one change with its approval, excerpts and
 * capture.
 */
@Controller
class SipChangePages {

	private final SipChangeService changes;

	private final VendorService vendors;

	private final CaptureService captures;

	private final FileStore files;

	private final Clock clock = Clock.systemUTC();

	SipChangePages(SipChangeService changes, VendorService vendors, CaptureService captures, FileStore files) {
		this.changes = changes;
		this.vendors = vendors;
		this.captures = captures;
		this.files = files;
	}

	@GetMapping("/changes")
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		ChangePeriod period = ChangePeriod.parse(from, to, LocalDate.now(clock));
		model.addAttribute("period", period);
		model.addAttribute("changes", changes.appliedBetween(period.from(), period.to()));
		model.addAttribute("carrierNames", carrierNames());
		return "changes/list";
	}

	@GetMapping("/changes/new")
	String form(Authentication user, Model model) {
		ChangeForm form = new ChangeForm();
		form.setRequestedBy(user.getName());
		form.setAppliedOn(LocalDate.now(clock).toString());
		return showForm(form, model);
	}

	@PostMapping("/changes")
	String record(@ModelAttribute("form") ChangeForm form, BindingResult result, Authentication user, Model model,
			RedirectAttributes redirect) {
		try {
			SipChange change = changes.record(form.toDraft(), user.getName());
			redirect.addFlashAttribute("message",
					"The change to " + change.getSystemName()
							+ " is recorded and awaits approval by a second person (not " + change.getRequestedBy()
							+ (change.getRequestedBy().equalsIgnoreCase(change.getRecordedBy()) ? ""
									: " or " + change.getRecordedBy())
							+ ").");
			return "redirect:/changes/" + change.getId();
		}
		catch (RuntimeException refusal) {
			FormErrors.reject(refusal, result);
			return showForm(form, model);
		}
	}

	private String showForm(ChangeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("kinds", InfrastructureKind.values());
		model.addAttribute("vendors", vendors.all());
		model.addAttribute("captures", captures.recent());
		return "changes/form";
	}

	@GetMapping("/changes/{id}")
	String detail(@PathVariable SipChangeId id, Authentication user, Model model) {
		SipChange change = changes.get(id);
		model.addAttribute("change", change);
		model.addAttribute("excerpts", changes.excerpts(id));
		model.addAttribute("carrier", change.getVendorId() == null ? null : vendors.get(change.getVendorId()));
		model.addAttribute("capture",
				change.getCaptureId() == null ? null : captures.find(change.getCaptureId()).orElse(null));
		model.addAttribute("approvable", change.approvableBy(user.getName()));
		model.addAttribute("captures", captures.recent());
		return "changes/detail";
	}

	@PostMapping("/changes/{id}/approve")
	String approve(@PathVariable SipChangeId id, Authentication user, RedirectAttributes redirect) {
		try {
			SipChange change = changes.approve(id, user.getName());
			redirect.addFlashAttribute("message",
					user.getName() + " approved the change to " + change.getSystemName()
							+ "; its record is evidence of " + String.join(" and ", change.isTouchesEncryption()
									? new String[] { "CC8.1", "CC6.7" } : new String[] { "CC8.1" })
							+ " dated " + change.getAppliedOn() + ".");
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/changes/" + id;
	}

	@PostMapping("/changes/{id}/excerpts")
	String excerpt(@PathVariable SipChangeId id, @RequestParam(required = false) MultipartFile file,
			Authentication user, RedirectAttributes redirect) throws IOException {
		changes.get(id);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("change.excerpt-missing",
						"Choose a configuration excerpt (a text file) to attach.", Map.of());
			}
			try (InputStream in = file.getInputStream()) {
				SipChangeExcerpt excerpt = changes.addExcerpt(id, in, file.getOriginalFilename(), user.getName());
				redirect.addFlashAttribute("message",
						excerpt.getFileName() + " is attached. " + excerpt.getRedactionSummary());
			}
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/changes/" + id;
	}

	@PostMapping("/changes/{id}/capture")
	String linkCapture(@PathVariable SipChangeId id, @RequestParam(required = false) String captureId,
			Authentication user, RedirectAttributes redirect) {
		changes.get(id);
		try {
			CaptureId capture;
			try {
				capture = CaptureId.of(captureId == null ? "" : captureId.strip());
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("change.capture-unknown", "Choose a capture from the list.", Map.of());
			}
			changes.linkCapture(id, capture, user.getName());
			redirect.addFlashAttribute("message", "The capture is linked as the result of this change.");
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/changes/" + id;
	}

	@GetMapping("/changes/{id}/excerpts/{excerptId}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable SipChangeId id, @PathVariable UUID excerptId) {
		SipChangeExcerpt excerpt = changes.excerpt(id, excerptId);
		return StoredFileResponses.attachment(files, files.get(excerpt.getStoredFileId()));
	}

	private Map<String, String> carrierNames() {
		return vendors.all().stream().collect(Collectors.toMap(v -> v.getId().toString(), Vendor::getName));
	}

}
