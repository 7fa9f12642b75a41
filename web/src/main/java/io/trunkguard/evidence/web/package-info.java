/**
 * Web adapter of the evidence module: how every stored file is sent to a browser (always
 * as an attachment, never rendered inline).
 */
package io.trunkguard.evidence.web;
