package io.trunkguard.mfa.web;

import io.trunkguard.mfa.MfaException;
import io.trunkguard.mfa.MfaRead;
import io.trunkguard.mfa.MfaReadRow;
import io.trunkguard.mfa.MfaService;
import io.trunkguard.shared.Labels;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest MFA read as JSON (leads, admins, auditors) and a read now (leads, admins).
 */
@RestController
class MfaApi {

	/** The latest read, or {@code read: null} with the sentence why nothing is known. */
	record Latest(boolean identityProviderConnected, String note, ReadView read, List<ExceptionView> openExceptions) {
	}

	record ReadView(UUID id, Instant readAt, String readBy, String source, boolean identityProvider, List<String> realm,
			int exceptions, List<RowView> people) {

		static ReadView of(MfaRead read) {
			return new ReadView(read.getId(), read.getReadAt(), read.getReadBy(), read.getSource(),
					read.isIdentityProvider(), read.getRealmSentences(), read.getExceptionCount(),
					read.getRows().stream().map(RowView::of).toList());
		}

	}

	record RowView(String username, String fullName, String roles, String factors, String status, String statusLabel,
			boolean exception, String finding) {

		static RowView of(MfaReadRow row) {
			return new RowView(row.getUsername(), row.getFullName(), row.getRoles(), row.getFactors(),
					row.getStatus().name(), Labels.capitalisedLabel(row.getStatus()), row.isException(),
					row.getSentence());
		}

	}

	record ExceptionView(UUID id, String title, String username, String system, String role, String owner,
			String reason, Instant openedAt) {

		static ExceptionView of(MfaException e) {
			return new ExceptionView(e.getId(), e.getTitle(), e.getUsername(), e.getSystemName(), e.getRole(),
					e.getOwnerNamed(), e.getReason(), e.getOpenedAt());
		}

	}

	private final MfaService mfa;

	MfaApi(MfaService mfa) {
		this.mfa = mfa;
	}

	@GetMapping("/api/mfa")
	Latest latest() {
		boolean connected = mfa.identityProviderConnected();
		return new Latest(connected, connected ? null : MfaService.NO_IDENTITY_PROVIDER,
				mfa.latest().map(ReadView::of).orElse(null),
				mfa.openExceptions().stream().map(ExceptionView::of).toList());
	}

	@PostMapping("/api/mfa/reads")
	ReadView readNow(Authentication user) {
		return ReadView.of(mfa.read(user.getName()));
	}

}
