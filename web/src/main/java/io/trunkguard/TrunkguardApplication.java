package io.trunkguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one assembly: business modules from {@code domain}, BPMN processes from {@code workflows},
 * adapters from {@code integrations} and {@code reports}, and the web UI and API from here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrunkguardApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrunkguardApplication.class, args);
    }
}
