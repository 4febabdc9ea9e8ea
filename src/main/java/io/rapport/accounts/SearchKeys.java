package io.rapport.accounts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How values are folded before their blind index is computed, so that the same person is
 * found however the value was typed: case, accents and surrounding spaces do not matter.
 */
public final class SearchKeys {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String NAME = "name";

    private SearchKeys() {
    }

    public static String email(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
