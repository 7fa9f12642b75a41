package io.trunkguard.deprovisioning.hr;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.deprovisioning.RosterOutcome;
import io.trunkguard.deprovisioning.RosterReconciliation;
import io.trunkguard.deprovisioning.integration.hr.RosterCsv;
import io.trunkguard.shared.DomainException;
import io.trunkguard.web.LimitedUpload;
import io.trunkguard.web.UploadSizeLimit;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A compliance lead uploads the HR roster (CSV) by hand, next to the signed machine
 * endpoint {@code POST /hr/roster}: the same parsing and {@link RosterReconciliation}. A
 * file too large, not CSV or with bad lines is refused whole with every bad line listed;
 * an implausible roster is refused; nothing is half-applied.
 */
@Controller
class RosterUploadPage {

	private final RosterReconciliation reconciliation;

	private final AuditTrail audit;

	private final HrInputProperties properties;

	RosterUploadPage(RosterReconciliation reconciliation, AuditTrail audit, HrInputProperties properties) {
		this.reconciliation = reconciliation;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * A file beyond the server's multipart limit comes back here with
	 * {@code ?refused=too-large}, nothing read.
	 */
	@Bean
	static LimitedUpload rosterUploads() {
		return LimitedUpload.of("^/deprovisioning/roster$", "/deprovisioning/roster");
	}

	@GetMapping("/deprovisioning/roster")
	String form(@RequestParam(required = false) String refused, Model model) {
		model.addAttribute("maxBytes", properties.maxRoster().toBytes());
		if (UploadSizeLimit.TOO_LARGE.equals(refused)) {
			model.addAttribute("error", tooLarge());
		}
		return "deprovisioning/roster";
	}

	private String tooLarge() {
		return "The file is larger than " + properties.maxRoster().toKilobytes() + " KB: nothing imported.";
	}

	@PostMapping("/deprovisioning/roster")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Authentication user, Model model,
			HttpServletResponse response) throws IOException {
		model.addAttribute("maxBytes", properties.maxRoster().toBytes());
		if (file == null || file.isEmpty()) {
			return refuse(model, response, user, "Choose a roster file (CSV with a header hr_id[,end_date]).",
					List.of());
		}
		if (file.getSize() > properties.maxRoster().toBytes()) {
			return refuse(model, response, user, tooLarge(), List.of());
		}
		RosterCsv.Roster roster;
		try {
			roster = RosterCsv.read(file.getBytes());
		}
		catch (RosterCsv.BadRoster e) {
			return refuse(model, response, user,
					e.errors().size() > 1 || e.getMessage().contains("bad line")
							? "The roster has bad lines: nothing imported. Fix them and upload the whole file again."
							: e.getMessage(),
					e.errors());
		}
		RosterOutcome outcome;
		try {
			outcome = reconciliation.reconcile(roster.entries(), roster.sha256(), "user:" + user.getName());
		}
		catch (DomainException e) {
			return refuse(model, response, user, e.getMessage(), List.of());
		}
		audit.record(user.getName(), "HR_ROSTER_UPLOADED", "HrRoster", outcome.rosterId(),
				Map.of("fileName", String.valueOf(file.getOriginalFilename()), "entries", outcome.entries(), "newCases",
						outcome.newCases().size()));
		model.addAttribute("outcome", outcome);
		return "deprovisioning/roster";
	}

	private String refuse(Model model, HttpServletResponse response, Authentication user, String error,
			List<String> lineErrors) {
		audit.record(user.getName(), "HR_ROSTER_REFUSED", "HrRoster", null,
				Map.of("reason", error, "badLines", lineErrors.size()));
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", error);
		model.addAttribute("lineErrors", lineErrors);
		return "deprovisioning/roster";
	}

}
