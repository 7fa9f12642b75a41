/**
 * HR-triggered deprovisioning: a termination event opens one case per person, which
 * disables the identity provider account, revokes every grant and records the time from
 * the HR event to the last access removed (SOC 2 CC6.1).
 */
package io.trunkguard.deprovisioning;
