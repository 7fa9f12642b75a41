package io.trunkguard.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The form login page of the embedded default (local accounts). */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
