/**
 * People over the web: pages to list, search and edit people, and the {@code /api/people}
 * REST API.
 */
package io.trunkguard.people.web;
