package io.trunkguard.home;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.trunkguard.security.Role;

/** Shows each role its own home page at {@code /}. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        Role role = Role.primaryOf(authentication).orElse(null);
        model.addAttribute("role", role == null ? "none" : role.roleName());
        model.addAttribute("username", authentication.getName());
        return "home";
    }
}
