package io.trunkguard.vendor.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.web.FormErrors;
import io.trunkguard.web.PageResponse;

/**
 * Pages of the vendor register: the carriers and other vendors, their risk tier, owner
 * and contacts; edited by compliance leads and admins.
 */
@Controller
class VendorPages {

	private final VendorService vendors;

	private final PersonService people;

	VendorPages(VendorService vendors, PersonService people) {
		this.vendors = vendors;
		this.people = people;
	}

	@GetMapping("/vendors")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) RiskTier tier,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("vendors", vendors.search(q, tier, PageResponse.request(page, 20, Sort.by("name"))));
		model.addAttribute("q", q);
		model.addAttribute("tier", tier);
		model.addAttribute("tiers", RiskTier.values());
		return "vendors/list";
	}

	@GetMapping("/vendors/new")
	String newVendor(Model model) {
		return form(new VendorForm(), null, model);
	}

	@PostMapping("/vendors")
	String register(@ModelAttribute("form") VendorForm form, BindingResult result, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Vendor vendor = vendors.register(form.toDetails(), user.getName());
				redirect.addFlashAttribute("message", vendor.getName() + " was registered.");
				return "redirect:/vendors/" + vendor.getId();
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, null, model);
	}

	@GetMapping("/vendors/{id}/edit")
	String edit(@PathVariable VendorId id, Model model) {
		Vendor vendor = vendors.get(id);
		return form(VendorForm.of(vendor), vendor, model);
	}

	@PostMapping("/vendors/{id}")
	String update(@PathVariable VendorId id, @ModelAttribute("form") VendorForm form, BindingResult result,
			Authentication user, Model model, RedirectAttributes redirect) {
		Vendor existing = vendors.get(id);
		if (!result.hasErrors()) {
			try {
				vendors.update(id, form.getVersion(), form.toDetails(), user.getName());
				redirect.addFlashAttribute("message", "The changes were saved.");
				return "redirect:/vendors/" + id;
			}
			catch (RuntimeException refusal) {
				FormErrors.reject(refusal, result);
			}
		}
		return form(form, existing, model);
	}

	private String form(VendorForm form, Vendor existing, Model model) {
		form.padContacts();
		model.addAttribute("form", form);
		model.addAttribute("vendor", existing);
		model.addAttribute("tiers", RiskTier.values());
		model.addAttribute("owners",
				people
					.search(new PersonSearch(null, EmploymentStatus.ACTIVE, null),
							PageRequest.of(0, 1000, Sort.by("fullName")))
					.getContent());
		return "vendors/form";
	}

}
