/**
 * Call-path encryption diagrams (CC6.7): one model of the nodes and segments of a call
 * path with its layout computed once, and its renderers (SVG for pages and downloads, PNG
 * for the PDF report and downloads). Plain Java, no Spring.
 */
package io.trunkguard.trace.diagram;
