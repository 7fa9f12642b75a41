/**
 * SIEM destinations for security events: RFC 5424 syslog over TCP or TLS with octet
 * counting, and Splunk's HTTP Event Collector.
 */
package io.trunkguard.securityevent.integration;
