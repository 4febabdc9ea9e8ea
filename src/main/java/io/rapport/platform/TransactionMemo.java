package io.rapport.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a batch of work in one transaction reads once and reuses: a bulk send reads the same template and creditor for
 * every row, and each row's account several times over (to create the request, render it, gate it and send it). The
 * memo holds only in a transaction that {@link #open opened} it, and is dropped when that transaction ends; anywhere
 * else every read goes to the database as before. Whoever changes something the memo may hold {@link #forget forgets}
 * it in the same transaction, so a batch never reads its own writes stale.
 */
public final class TransactionMemo {

    private static final Object RESOURCE = TransactionMemo.class;

    private TransactionMemo() {
    }

    /** Starts remembering reads for the rest of the current transaction. */
    public static void open() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a transaction memo needs a transaction");
        }
        if (isOpen()) {
            return;
        }
        TransactionSynchronizationManager.bindResource(RESOURCE, new HashMap<Key, Object>());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
            }
        });
    }

    public static boolean isOpen() {
        return TransactionSynchronizationManager.hasResource(RESOURCE);
    }

    /** The remembered value of this kind and id, loading (and remembering) it the first time; a plain load when closed. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String kind, Object id, Supplier<T> load) {
        Map<Key, Object> memo = memo();
        if (memo == null) {
            return load.get();
        }
        Key key = new Key(kind, id);
        if (memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        T value = load.get();
        memo.put(key, value);
        return value;
    }

    /** Remembers a value read in bulk (ignored when no memo is open). */
    public static void put(String kind, Object id, Object value) {
        Map<Key, Object> memo = memo();
        if (memo != null) {
            memo.put(new Key(kind, id), value);
        }
    }

    /** The remembered value of this kind and id, or null when none is (nothing is loaded). */
    @SuppressWarnings("unchecked")
    public static <T> T peek(String kind, Object id) {
        Map<Key, Object> memo = memo();
        return memo == null ? null : (T) memo.get(new Key(kind, id));
    }

    /** Whether a value of this kind and id is remembered. */
    public static boolean holds(String kind, Object id) {
        Map<Key, Object> memo = memo();
        return memo != null && memo.containsKey(new Key(kind, id));
    }

    /** Forgets a value that is being changed, so the next read sees the change. */
    public static void forget(String kind, Object id) {
        Map<Key, Object> memo = memo();
        if (memo != null) {
            memo.remove(new Key(kind, id));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Key, Object> memo() {
        return (Map<Key, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
    }

    private record Key(String kind, Object id) {
    }
}
