package io.trunkguard.evidencepack.cli;

import java.io.PrintStream;

import io.trunkguard.evidencepack.EvidencePackVerifier;

/**
 * Lets tests outside this package run the pack verify command as the command line does.
 */
public final class PackVerifyCommandAccess {

	private final PackVerifyCommand command;

	public PackVerifyCommandAccess(EvidencePackVerifier verifier, String file, PrintStream out) {
		this.command = new PackVerifyCommand(verifier, file, out);
	}

	public int verifyAndReport() {
		return command.verifyAndReport();
	}

}
