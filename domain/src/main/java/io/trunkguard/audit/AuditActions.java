package io.trunkguard.audit;

/**
 * The actions the audit trail records, as written in {@link AuditEntry#getAction()}.
 * Domain changes are recorded from the modules' events; the others are recorded by the
 * web layer through {@link AuditTrail#record}.
 */
public final class AuditActions {

	public static final String PERSON_REGISTERED = "PERSON_REGISTERED";

	public static final String PERSON_CHANGED = "PERSON_CHANGED";

	public static final String PERSON_LEFT = "PERSON_LEFT";

	public static final String SYSTEM_REGISTERED = "SYSTEM_REGISTERED";

	public static final String SYSTEM_CHANGED = "SYSTEM_CHANGED";

	public static final String GRANT_ISSUED = "GRANT_ISSUED";

	public static final String GRANT_REVOKED = "GRANT_REVOKED";

	public static final String GRANT_REDUCED = "GRANT_REDUCED";

	public static final String VENDOR_REGISTERED = "VENDOR_REGISTERED";

	public static final String VENDOR_CHANGED = "VENDOR_CHANGED";

	public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGOUT = "LOGOUT";

	public static final String WRITE_REFUSED = "WRITE_REFUSED";

	public static final String ACCESS_DENIED = "ACCESS_DENIED";

	public static final String EXPORT_CREATED = "EXPORT_CREATED";

	public static final String AUDIT_VERIFIED = "AUDIT_VERIFIED";

	private AuditActions() {
	}

}
