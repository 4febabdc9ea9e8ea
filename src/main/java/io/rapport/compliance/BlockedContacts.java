package io.rapport.compliance;

import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** What the gate refused, for compliance officers: counts by rule and the latest refusals with their reasons. */
@Service
public class BlockedContacts {

    /** One refused contact. */
    public record Blocked(UUID decisionId, UUID accountId, Instant at, Channel channel, String address, String decidedBy,
            List<Reason> reasons) {
    }

    private final JdbcClient jdbc;
    private final ConsumerDataCipher cipher;
    private final JsonMapper json;

    BlockedContacts(JdbcClient jdbc, ConsumerDataCipher cipher, JsonMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** How many contacts each rule blocked, most first (a contact blocked by two rules counts for each). */
    public Map<String, Long> countsByRule(TenantId tenant) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select rules from contact_decision where tenant_id = ? and allowed = false").param(tenant.value())
                .query(String.class).list()
                .forEach(rules -> Arrays.stream(rules.split(",")).filter(r -> !r.isBlank())
                        .forEach(rule -> counts.merge(rule, 1L, Long::sum)));
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The latest refusals, newest first, optionally of one rule. */
    public List<Blocked> latest(TenantId tenant, String rule, int limit) {
        String byRule = rule == null || rule.isBlank() ? "" : " and (',' || rules || ',') like ?";
        var statement = jdbc.sql("select * from contact_decision where tenant_id = ? and allowed = false" + byRule
                + " order by at desc, id desc limit ?");
        var bound = byRule.isEmpty() ? statement.params(tenant.value(), limit)
                : statement.params(tenant.value(), "%," + rule + ",%", limit);
        return bound.query((rs, n) -> new Blocked(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getTimestamp("at").toInstant(), Channel.valueOf(rs.getString("channel")),
                        cipher.decrypt(tenant, "contact-decision", rs.getString("address_enc")), rs.getString("decided_by"),
                        json.readValue(rs.getString("decision"), GateDecision.class).reasons()))
                .list();
    }
}
