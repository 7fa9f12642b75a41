package io.trunkguard.home;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the home pages ({@code trunkguard.home.*}).
 *
 * @param dormantAfter a grant unused for longer than this counts as dormant (default 90
 * days)
 */
@ConfigurationProperties("trunkguard.home")
record HomeSettings(@DefaultValue("90d") Duration dormantAfter) {
}
