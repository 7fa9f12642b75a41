/**
 * Evidence items over the web: {@code /api/evidence-items} to list them by period,
 * correct an evidenced period with a reason, approve (leads), flag (auditors) and answer
 * a flag (leads).
 */
package io.trunkguard.evidence.web;
