package io.trunkguard.access;

/** What kind of system of the voice platform a grant gives access to. */
public enum SystemKind {

	SIP_ADMIN_PORTAL, SBC, CALL_RECORDING, CARRIER_PORTAL, IDENTITY_PROVIDER, OTHER

}
