/**
 * The command line:
 * {@code java -jar trunkguard-analyzer-*-cli.jar CAPTURE [--json] [--keylog FILE]}.
 */
package io.trunkguard.analyzer.cli;
