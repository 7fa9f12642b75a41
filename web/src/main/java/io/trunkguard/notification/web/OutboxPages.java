package io.trunkguard.notification.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.trunkguard.notification.MessageKind;
import io.trunkguard.notification.MessageStatus;
import io.trunkguard.notification.Outbox;
import io.trunkguard.notification.OutboxFilter;
import io.trunkguard.notification.OutboxMessage;
import io.trunkguard.security.Role;
import io.trunkguard.shared.DomainException;
import io.trunkguard.shared.NotFoundException;

/**
 * The outbox, newest first, filtered by status and kind, 25 to a page; a message's
 * detail. Compliance leads and admins see every message, anyone else only the messages
 * addressed to them (another's message is "not found", so its existence is not given
 * away). Leads and admins may queue a failed or kept message for SMTP again.
 */
@Controller
@RequestMapping("/outbox")
class OutboxPages {

	static final int PAGE_SIZE = 25;

	private final Outbox outbox;

	OutboxPages(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, Authentication user, Model model,
			HttpServletResponse response) {
		Optional<MessageStatus> byStatus = parse(MessageStatus.class, status);
		Optional<MessageKind> byKind = parse(MessageKind.class, kind);
		if (byStatus == null || byKind == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error",
					byStatus == null
							? "There is no message status \"" + status + "\"; choose one of "
									+ Arrays.toString(MessageStatus.values()) + "."
							: "There is no message kind \"" + kind + "\"; choose one of "
									+ Arrays.toString(MessageKind.values()) + ".");
			byStatus = byStatus == null ? Optional.empty() : byStatus;
			byKind = byKind == null ? Optional.empty() : byKind;
		}
		OutboxFilter filter = new OutboxFilter(byStatus.orElse(null), byKind.orElse(null));
		PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
		boolean all = seesAll(user);
		Page<OutboxMessage> messages = all ? outbox.search(filter, request)
				: outbox.addressedTo(user.getName(), filter, request);
		model.addAttribute("messages", messages);
		model.addAttribute("all", all);
		model.addAttribute("status", filter.status());
		model.addAttribute("kind", filter.kind());
		model.addAttribute("statuses", MessageStatus.values());
		model.addAttribute("kinds", MessageKind.values());
		model.addAttribute("smtp", outbox.smtpConfigured());
		return "outbox/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Authentication user, Model model) {
		model.addAttribute("m", visible(id, user));
		model.addAttribute("smtp", outbox.smtpConfigured());
		return "outbox/detail";
	}

	@PostMapping("/{id}/send-again")
	String sendAgain(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
		visible(id, user);
		try {
			outbox.sendAgain(id, user.getName());
			redirect.addFlashAttribute("message", "The message is queued for sending again.");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", refusal.getMessage());
		}
		return "redirect:/outbox/" + id;
	}

	private OutboxMessage visible(UUID id, Authentication user) {
		return outbox.find(id)
			.filter(m -> seesAll(user) || user.getName().equals(m.getRecipientUsername()))
			.orElseThrow(() -> new NotFoundException("OutboxMessage", id));
	}

	static boolean seesAll(Authentication user) {
		return Role.ADMIN.isHeldBy(user) || Role.COMPLIANCE_LEAD.isHeldBy(user);
	}

	/** Empty for no filter, null for a value that is not one of the constants. */
	private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Enum.valueOf(type, text.trim()));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
