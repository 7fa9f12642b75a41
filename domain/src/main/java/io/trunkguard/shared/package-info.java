/**
 * Shared kernel: the domain error hierarchy every business module throws and the web maps
 * to problem details, and the words a person reads for an enum ({@link Labels}). No
 * dependencies on other Trunkguard modules.
 */
package io.trunkguard.shared;
