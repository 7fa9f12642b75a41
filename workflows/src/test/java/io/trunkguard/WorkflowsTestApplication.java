package io.trunkguard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application the workflows module's Spring tests boot: the domain, the process
 * engine and the delegates, no web.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowsTestApplication {

}
