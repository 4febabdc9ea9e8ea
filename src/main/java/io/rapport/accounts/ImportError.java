package io.rapport.accounts;

/** A rejected row of an import: its number (1 = first data row), the column and the reason. */
public record ImportError(long row, String column, String message) {
}
