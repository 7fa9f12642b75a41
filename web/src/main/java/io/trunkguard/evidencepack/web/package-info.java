/**
 * Evidence packs on the web: the API that streams a pack, the page that picks criteria
 * and period, and the verify page (upload a pack, read the verdict).
 */
package io.trunkguard.evidencepack.web;
