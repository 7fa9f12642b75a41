/**
 * What every page and API call shares: the current user in the page model, and RFC 9457 problem
 * details for errors of the REST API.
 */
package io.trunkguard.web;
