/**
 * Single sign-on into Camunda's webapps: the admin logged into Trunkguard is the Camunda
 * user, in group {@code camunda-admin}; nobody else reaches Cockpit, Tasklist or the
 * engine REST API.
 */
package io.trunkguard.security.camunda;
