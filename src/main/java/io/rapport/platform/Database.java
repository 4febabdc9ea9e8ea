package io.rapport.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which database Rapport runs on, for the few things done differently on PostgreSQL than on the embedded H2. */
@Component
public class Database {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    Database(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
            postgres = known;
        }
        return known;
    }
}
