/**
 * People: employees and contractors with their HR id, manager, department and employment
 * status. The source of who may hold access and who reviews whom; publishes
 * PersonRegistered, PersonChanged and PersonLeft.
 */
package io.trunkguard.people;
