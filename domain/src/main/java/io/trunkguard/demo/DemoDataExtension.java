package io.trunkguard.demo;

import java.time.LocalDate;

/**
 * More demo data from a module the demo does not depend on (e.g. the demo's audit):
 * loaded after the people, systems, grants and carriers, in the same transaction.
 */
public interface DemoDataExtension {

	/** Loads this module's part of the demo, relative to {@code today}. */
	void load(LocalDate today);

}
