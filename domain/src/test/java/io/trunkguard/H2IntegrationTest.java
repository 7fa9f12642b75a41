package io.trunkguard;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test of the domain on an in-memory H2 database; every such test shares one
 * Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DomainTestApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:trunkguard-domain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"spring.datasource.username=sa", "spring.datasource.password=" })
public @interface H2IntegrationTest {

}
