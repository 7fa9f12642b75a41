package io.trunkguard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application the domain module's Spring tests boot: every business module of the
 * domain, with Flyway, JPA and Spring Modulith's event publication registry, and no web
 * layer. Not part of the test-jar (the web module has its own application class).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DomainTestApplication {

}
