/**
 * Scale-out tests: the built jar started as separate processes on one real PostgreSQL.
 */
package io.trunkguard.cluster;
