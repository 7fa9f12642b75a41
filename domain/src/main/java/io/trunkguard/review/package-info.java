/**
 * Review: quarterly access review campaigns. A campaign freezes every active grant of the
 * in-scope systems into review items, routes them to reviewers (never the holder),
 * records decisions, remediation and the sign-off.
 */
package io.trunkguard.review;
