package io.trunkguard.security.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The form login page of the embedded default (local accounts). It names the four local
 * accounts only in demo mode: a real installation does not tell strangers its account
 * names.
 */
@Controller
class LoginController {

	private final boolean demo;

	LoginController(@Value("${trunkguard.demo.enabled:true}") boolean demo) {
		this.demo = demo;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		return "login";
	}

}
