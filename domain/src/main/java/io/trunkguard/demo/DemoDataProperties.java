package io.trunkguard.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo data set.
 *
 * @param enabled load the demo data on start-up into a database without people (default
 * true)
 */
@ConfigurationProperties("trunkguard.demo")
record DemoDataProperties(@DefaultValue("true") boolean enabled) {
}
