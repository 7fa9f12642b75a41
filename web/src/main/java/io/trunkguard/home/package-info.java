/**
 * The home page of each role: what needs that person's attention now, with empty states that say
 * what will appear there.
 */
package io.trunkguard.home;
