/**
 * What every page and API call shares: paging, form errors, the 404 page, and RFC 9457 problem
 * details for errors of the REST API.
 */
package io.trunkguard.web;
