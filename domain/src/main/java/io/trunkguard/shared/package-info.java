/**
 * Shared kernel: the domain error hierarchy every business module throws and the web maps
 * to problem details. No dependencies on other Trunkguard modules.
 */
package io.trunkguard.shared;
