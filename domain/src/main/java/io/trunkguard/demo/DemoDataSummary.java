package io.trunkguard.demo;

/**
 * What a run of the {@link DemoDataLoader} loaded.
 *
 * @param loaded false when the data set was already there (nothing was loaded)
 */
public record DemoDataSummary(boolean loaded, int people, int systems, int grants, int revokedGrants, int vendors) {

	static DemoDataSummary nothingLoaded() {
		return new DemoDataSummary(false, 0, 0, 0, 0, 0);
	}
}
