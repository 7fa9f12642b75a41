package io.trunkguard.securityevent;

/** What kind of thing happened. */
public enum SecurityEventType {

	FAILED_LOGIN("Failed login"), REFUSED_LOGIN("Refused login"), ACCOUNT_LOCKOUT("Lockout"),
	REFUSED_WEBHOOK("Refused webhook"), REFUSED_SCIM_CALL("Refused SCIM call"), REFUSED_WRITE("Refused write"),
	REFUSED_READ("Refused access"), DEPROVISIONING_SLA_MISSED("Deprovisioning SLA missed"),
	ENCRYPTION_REGRESSION("Encryption regression"), CERTIFICATE_EXPIRY("Certificate expiry"),
	REGISTRATION_BRUTE_FORCE("Registration brute force"), SIP_SCANNER("SIP scanner"), TOLL_FRAUD("Toll fraud pattern"),
	UNAUTHENTICATED_CALL("Unauthenticated call"), ENCRYPTION_REMEDIATION("Encryption remediation opened"),
	ENCRYPTION_REMEDIATION_OVERDUE("Encryption remediation overdue"),
	PRIVILEGED_ACCESS_WITHOUT_MFA("Privileged access without MFA");

	private final String label;

	SecurityEventType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
