/**
 * Demo data: a fictional VoIP operator (people, systems, grants, three carriers) loaded
 * once into an empty database, so a newcomer sees a working product;
 * {@code trunkguard.demo.enabled=false} turns it off.
 */
package io.trunkguard.demo;
