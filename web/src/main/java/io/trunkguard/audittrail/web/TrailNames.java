package io.trunkguard.audittrail.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;

/**
 * Names for the ids in audit entries: a person, system, grant, campaign or carrier by
 * what people call it. An id of another kind (a case, a stored file) stays as it is. One
 * instance per page or export ({@link #lookup()}), which remembers what it resolved.
 */
@Component
class TrailNames {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final PersonService people;

	private final AccessService access;

	private final CampaignQueryService campaigns;

	private final VendorService vendors;

	TrailNames(PersonService people, AccessService access, CampaignQueryService campaigns, VendorService vendors) {
		this.people = people;
		this.access = access;
		this.campaigns = campaigns;
		this.vendors = vendors;
	}

	Lookup lookup() {
		return new Lookup();
	}

	static boolean isId(String text) {
		return text != null && UUID_TEXT.matcher(text.trim()).matches();
	}

	/** Resolves ids, remembering each answer. */
	final class Lookup {

		private final Map<String, Optional<String>> known = new HashMap<>();

		/**
		 * The name behind {@code value} when it is an id, guided by the hint (a subject
		 * type or a detail's key, e.g. {@code Person}, {@code systemId}); otherwise the
		 * value.
		 */
		String name(String hint, String value) {
			if (!isId(value)) {
				return value;
			}
			String kind = kind(hint);
			return known.computeIfAbsent(kind + ":" + value, key -> resolve(kind, value.trim())).orElse(value);
		}

		private Optional<String> resolve(String kind, String id) {
			return switch (kind) {
				case "person" -> attempt(id, text -> people.get(PersonId.of(text)).getFullName());
				case "system" -> attempt(id, text -> access.getSystem(SystemId.of(text)).getName());
				case "grant" -> attempt(id, this::grant);
				case "campaign" -> attempt(id, text -> campaigns.get(CampaignId.of(text)).getName());
				case "vendor" -> attempt(id, text -> vendors.get(VendorId.of(text)).getName());
				default -> attempt(id, text -> people.get(PersonId.of(text)).getFullName())
					.or(() -> attempt(id, text -> access.getSystem(SystemId.of(text)).getName()))
					.or(() -> attempt(id, this::grant))
					.or(() -> attempt(id, text -> campaigns.get(CampaignId.of(text)).getName()))
					.or(() -> attempt(id, text -> vendors.get(VendorId.of(text)).getName()));
			};
		}

		private String grant(String text) {
			AccessGrant grant = access.getGrant(GrantId.of(text));
			return grant.getEntitlement() + " of " + people.get(grant.getPersonId()).getFullName() + " on "
					+ access.getSystem(grant.getSystemId()).getName();
		}

		private Optional<String> attempt(String id, Function<String, String> finder) {
			try {
				UUID.fromString(id);
				return Optional.ofNullable(finder.apply(id));
			}
			catch (RuntimeException notThatKind) {
				return Optional.empty();
			}
		}

	}

	private static String kind(String hint) {
		String h = hint == null ? "" : hint.toLowerCase(Locale.ROOT);
		if (h.contains("grant")) {
			return "grant";
		}
		if (h.contains("person") || h.contains("people") || h.contains("reviewer") || h.contains("manager")
				|| h.contains("owner") || h.contains("holder")) {
			return "person";
		}
		if (h.contains("system")) {
			return "system";
		}
		if (h.contains("campaign")) {
			return "campaign";
		}
		if (h.contains("vendor") || h.contains("carrier")) {
			return "vendor";
		}
		return "any";
	}

}
