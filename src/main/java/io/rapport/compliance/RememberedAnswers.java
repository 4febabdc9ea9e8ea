package io.rapport.compliance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function for the inputs seen lately. Reading a written phone number with
 * libphonenumber takes microseconds, and one decision of the gate reads the same few numbers many
 * times (zones, the number contacted, consents, history), as do the decisions for one account.
 * Bounded: when full it forgets everything and starts over, which keeps it small and lock-free.
 */
final class RememberedAnswers<K, V> {

    private final int capacity;
    private final Function<K, V> function;
    private final Map<K, V> answers = new ConcurrentHashMap<>();

    /** Remembers up to {@code capacity} answers of {@code function}, which must never answer null. */
    RememberedAnswers(int capacity, Function<K, V> function) {
        this.capacity = capacity;
        this.function = function;
    }

    V of(K input) {
        V known = answers.get(input);
        if (known != null) {
            return known;
        }
        V answer = function.apply(input);
        if (answers.size() >= capacity) {
            answers.clear();
        }
        answers.put(input, answer);
        return answer;
    }
}
