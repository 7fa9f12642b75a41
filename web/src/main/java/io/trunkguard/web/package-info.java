/**
 * What every page and API call shares: paging, form errors, the 404 page, RFC 9457
 * problem details for errors of the REST API, and a clear message for uploads over the
 * server's limit.
 */
package io.trunkguard.web;
