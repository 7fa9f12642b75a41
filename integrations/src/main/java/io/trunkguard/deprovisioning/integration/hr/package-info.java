/**
 * HR's formats read into deprovisioning's terms: the webhook's termination event (JSON),
 * the roster CSV and SCIM 2.0 PATCH requests. No HTTP here: the web adapter authenticates
 * and bounds the request, these classes only parse.
 */
package io.trunkguard.deprovisioning.integration.hr;
