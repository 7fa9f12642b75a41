/**
 * Access: the systems of the voice platform (SBC, SIP admin portal, recording, carrier
 * portals, IdP) and the grants people hold on them; a grant is revoked or reduced only
 * through its aggregate, which records why and by whom.
 */
package io.trunkguard.access;
