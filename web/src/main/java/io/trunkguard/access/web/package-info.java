/**
 * Systems and access grants over the web: pages to list, search, edit and revoke, and the
 * {@code /api/systems} and {@code /api/grants} REST API.
 */
package io.trunkguard.access.web;
