package io.rapport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application over HTTP on a random port, on the test database (H2 in
 * memory, or PostgreSQL when {@code RAPPORT_TEST_DB_URL} is set). Tagged "persistence": the CI
 * run executes these on both databases. Tests share one application and database, so each
 * creates its own tenant with {@link TestTenants} and never depends on another test's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestTenants.class)
@Tag("persistence")
public @interface RapportIntegrationTest {
}
