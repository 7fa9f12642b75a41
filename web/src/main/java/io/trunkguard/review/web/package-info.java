/**
 * Access review pages and REST API: reviewers' inboxes (filter, bulk decide, submit), the
 * compliance lead's campaign list, start and sign-off, and the auditor's read-only view.
 */
package io.trunkguard.review.web;
