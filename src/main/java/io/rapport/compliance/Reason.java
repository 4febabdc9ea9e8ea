package io.rapport.compliance;

import java.util.Objects;

/**
 * Why a rule blocks or warns: the rule id of the catalogue (FREQ-01, TIME-02, ...) and a message
 * a supervisor can read without knowing the code.
 */
public record Reason(String rule, String message) {

    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
