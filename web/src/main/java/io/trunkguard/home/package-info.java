/**
 * The home page of each role (what needs that person's attention now, with empty states
 * that say what will appear there), and the logged-in user every page's layout shows.
 */
package io.trunkguard.home;
