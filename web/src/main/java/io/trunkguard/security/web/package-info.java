/**
 * The login page and the API's "who am I" endpoint.
 */
package io.trunkguard.security.web;
