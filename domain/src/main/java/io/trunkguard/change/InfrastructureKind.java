package io.trunkguard.change;

/** The part of the SIP infrastructure a change touches. */
public enum InfrastructureKind {

	SBC, PBX, PROXY, TRUNK

}
