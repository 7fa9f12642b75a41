/**
 * Controls over the web: the controls page (status and gaps for a period, narratives
 * edited by a compliance lead) and {@code /api/controls}.
 */
package io.trunkguard.control.web;
