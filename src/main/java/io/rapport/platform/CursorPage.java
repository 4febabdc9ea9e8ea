package io.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with an opaque cursor for the next page ({@code null} on the last page).
 * Cursors are keyset positions, not offsets, so paging stays fast and stable while rows are added.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    public static String encodeCursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the cursor was not made by {@link #encodeCursor}. */
    public static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: is not valid");
        }
    }

    /** Decodes a cursor that holds a row id. */
    public static java.util.UUID decodeIdCursor(String cursor) {
        try {
            return java.util.UUID.fromString(decodeCursor(cursor));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: is not valid");
        }
    }

    public static int clampLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
