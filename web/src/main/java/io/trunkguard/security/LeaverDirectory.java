package io.trunkguard.security;

/**
 * Whether the person behind a login has left: implemented by the deprovisioning module
 * (their employment has ended, or a termination whose effective time has passed is being
 * carried out), so that security refuses their requests whatever the identity provider
 * still believes.
 */
public interface LeaverDirectory {

	/** True if the person whose login name is {@code username} has left. */
	boolean hasLeft(String username);

}
