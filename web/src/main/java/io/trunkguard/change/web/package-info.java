/**
 * Pages and API of SIP change records: recording, approving by a second person, attaching
 * redacted configuration excerpts, linking the capture that shows the result, and the
 * auditor's read-only list per period.
 */
package io.trunkguard.change.web;
