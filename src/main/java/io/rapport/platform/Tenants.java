package io.rapport.platform;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds tenants. */
@Service
public class Tenants {

    private final JdbcClient jdbc;
    private final Clock clock;

    Tenants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Tenant create(String name) {
        Tenant tenant = new Tenant(new TenantId(Ids.next()), name, clock.instant());
        jdbc.sql("insert into tenant (id, name, created_at) values (?, ?, ?)")
                .params(tenant.id().value(), name, java.sql.Timestamp.from(tenant.createdAt()))
                .update();
        return tenant;
    }

    public Optional<Tenant> find(TenantId id) {
        return jdbc.sql("select id, name, created_at from tenant where id = ?").param(id.value())
                .query((rs, n) -> new Tenant(new TenantId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public List<Tenant> all() {
        return jdbc.sql("select id, name, created_at from tenant order by created_at")
                .query((rs, n) -> new Tenant(new TenantId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
