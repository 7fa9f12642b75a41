package io.trunkguard.trace.web;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.trace.EndpointNames;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * Endpoint names for the call-path diagrams: a lead names an address and port (a
 * carrier's SBC, the office PBX, the edge proxy), in general or for a carrier; the
 * diagrams label the endpoint's box with the name, and endpoints with one name are one
 * box.
 */
@Controller
class EndpointNamePages {

	private final EndpointNames names;

	private final VendorService vendors;

	EndpointNamePages(EndpointNames names, VendorService vendors) {
		this.names = names;
		this.vendors = vendors;
	}

	@GetMapping("/captures/endpoint-names")
	String list(Model model) {
		model.addAttribute("names", names.all());
		model.addAttribute("vendors", vendors.all());
		Map<VendorId, String> carriers = new java.util.HashMap<>();
		vendors.all().forEach(v -> carriers.put(v.getId(), v.getName()));
		model.addAttribute("carriers", carriers);
		return "captures/endpoint-names";
	}

	@PostMapping("/captures/endpoint-names")
	String name(@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String port,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String vendorId,
			Authentication user, RedirectAttributes redirect) {
		try {
			EndpointNames.EndpointName named = names.name(address, port(port), name, vendor(vendorId), user.getName());
			redirect.addFlashAttribute("message",
					"The call-path diagrams now name " + named.endpoint() + " \"" + named.name() + "\""
							+ (named.vendorId() == null ? "" : ", a trunk endpoint of the carrier") + ".");
		}
		catch (InvalidInputException | NotFoundException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/captures/endpoint-names";
	}

	@PostMapping("/captures/endpoint-names/{id}/delete")
	String remove(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
		names.remove(id, user.getName());
		redirect.addFlashAttribute("message",
				"The name is removed; the diagrams label that endpoint by its carrier or its role again.");
		return "redirect:/captures/endpoint-names";
	}

	private static Integer port(String text) {
		try {
			return text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("endpoint.port", "The port must be a number from 1 to 65535.",
					Map.of("port", "a number from 1 to 65535"));
		}
	}

	private static VendorId vendor(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return VendorId.of(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("endpoint.vendor", "Choose a carrier from the list.",
					Map.of("vendorId", "not a carrier"));
		}
	}

}
