package io.trunkguard;

import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test of the domain on a real (embedded) PostgreSQL; every such test shares one
 * Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { DomainTestApplication.class, EmbeddedPostgresTestConfiguration.class })
public @interface PostgresIntegrationTest {

}
