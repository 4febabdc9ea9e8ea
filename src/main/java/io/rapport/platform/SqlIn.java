package io.rapport.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** An {@code in (...)} list of parameters, as batches read many rows with one query on H2 and PostgreSQL alike. */
public final class SqlIn {

    private SqlIn() {
    }

    /** {@code ?, ?, ?}: one placeholder per value. */
    public static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    /** The parameters: those before the list, then the list's values. */
    public static List<Object> params(Collection<?> values, Object... before) {
        List<Object> params = new ArrayList<>(values.size() + before.length + 1);
        Collections.addAll(params, before);
        params.addAll(values);
        return params;
    }
}
