package io.rapport.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How values are folded before their blind index is computed, so that the same person is
 * found however the value was typed: case, accents and surrounding spaces do not matter.
 */
public final class SearchKeys {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String NAME = "name";

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchKeys() {
    }

    public static String email(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    /** The blind index of a contact point: an email address (any case) or an E.164 phone number. */
    static String contactPoint(io.rapport.platform.ConsumerDataCipher cipher, io.rapport.platform.TenantId tenant,
            String emailOrPhone) {
        return emailOrPhone != null && emailOrPhone.contains("@")
                ? cipher.blindIndex(tenant, EMAIL, email(emailOrPhone))
                : cipher.blindIndex(tenant, PHONE, emailOrPhone);
    }

    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return SEPARATORS.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").trim();
    }
}
