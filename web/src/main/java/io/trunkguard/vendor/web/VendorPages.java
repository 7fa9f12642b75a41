package io.trunkguard.vendor.web;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.web.PageResponse;

/** Pages of the vendor register: the carriers and other vendors, their risk tier, owner and contacts. */
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

    @GetMapping("/vendors/{id}")
    String detail(@PathVariable VendorId id, Model model) {
        Vendor vendor = vendors.get(id);
        model.addAttribute("vendor", vendor);
        model.addAttribute("owner", vendor.getOwnerId() == null ? null : people.get(vendor.getOwnerId()));
        return "vendors/detail";
    }
}
