package io.rapport.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Idempotency keys that a batch knows no earlier call can have used, because they contain an id it has just
 * generated (a new payment request's): the layers it calls (the gate's decision log, the message log) then need not
 * look each key up before writing it. Each table may skip its lookup once per key; a second use of the same key in the
 * same table looks it up as usual. Held in the transaction's {@link TransactionMemo}, so nothing is skipped anywhere
 * else.
 */
public final class FreshKeys {

    private static final String MEMO = "fresh-idempotency-key";

    private FreshKeys() {
    }

    /** Declares a key that has never been used (ignored unless the transaction's memo is open). */
    public static void declare(TenantId tenant, String key) {
        TransactionMemo.put(MEMO, List.of(tenant, key), new HashSet<String>());
    }

    /** Whether this table may skip looking the key up: true once per table for a declared key. */
    public static boolean take(TenantId tenant, String table, String key) {
        Set<String> taken = TransactionMemo.peek(MEMO, List.of(tenant, key));
        return taken != null && taken.add(table);
    }
}
