/**
 * Web adapter of the evidence module: how every stored file is sent to a browser (always
 * as an attachment, never rendered inline). Exposed, so that every module's downloads go
 * through it.
 */
@org.springframework.modulith.NamedInterface("web")
package io.trunkguard.evidence.web;
