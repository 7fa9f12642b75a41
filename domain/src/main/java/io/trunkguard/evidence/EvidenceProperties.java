package io.trunkguard.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Settings of the file store ({@code trunkguard.evidence.*}).
 *
 * @param directory where the bytes of stored files are kept, one file per distinct
 * SHA-256 (several nodes must share it, e.g. a network volume)
 * @param minFreeSpace a store is refused, and its partial bytes deleted, when writing
 * would leave less than this free on the directory's disk
 */
@ConfigurationProperties("trunkguard.evidence")
record EvidenceProperties(@DefaultValue("./data/files") Path directory, @DefaultValue("256MB") DataSize minFreeSpace) {
}
