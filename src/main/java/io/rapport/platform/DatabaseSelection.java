package io.rapport.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects: PostgreSQL (or any JDBC URL) when
 * {@code RAPPORT_DB_URL} is set, otherwise the embedded H2 database in the data directory.
 * Also decides the default of {@code rapport.demo}: on for the embedded database, off otherwise.
 */
public class DatabaseSelection implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> chosen = new HashMap<>();
        String url = env.getProperty("rapport.db.url");
        boolean embedded = url == null || url.isBlank();
        if (embedded && env.getProperty("spring.datasource.url") == null) {
            Path dataDir = Path.of(env.getProperty("rapport.data-dir", "./data")).toAbsolutePath().normalize();
            // PostgreSQL mode keeps the SQL the same on both databases.
            chosen.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("rapport")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            chosen.put("spring.datasource.username", "sa");
            chosen.put("spring.datasource.password", "");
        } else if (!embedded) {
            chosen.put("spring.datasource.url", tuned(url));
            chosen.put("spring.datasource.username", env.getProperty("rapport.db.user", ""));
            chosen.put("spring.datasource.password", env.getProperty("rapport.db.password", ""));
        }
        String demo = env.getProperty("RAPPORT_DEMO");
        if (env.getProperty("rapport.demo") == null) {
            chosen.put("rapport.demo", demo != null ? demo : String.valueOf(embedded));
        }
        env.getPropertySources().addLast(new MapPropertySource("rapport-database-selection", chosen));
    }

    /**
     * Two PostgreSQL settings that imports need. A batch of inserts becomes one multi-row
     * statement only when the driver is asked to. And a prepared statement's generic plan, made
     * while a table was small, can stay a sequential scan while an import grows that table by a
     * million rows; planning each execution for its own parameters avoids that.
     */
    static String tuned(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        String tuned = url;
        if (!tuned.contains("reWriteBatchedInserts")) {
            tuned += (tuned.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        if (!tuned.contains("plan_cache_mode")) {
            tuned += "&options=-c%20plan_cache_mode%3Dforce_custom_plan";
        }
        return tuned;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
