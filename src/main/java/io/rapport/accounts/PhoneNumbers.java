package io.rapport.accounts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Normalizes phone numbers to E.164 with libphonenumber, reading national formats such as
 * {@code (301) 555-0123} as US numbers.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164, or an {@link IllegalArgumentException} saying why it is not a number. */
    public static String toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), "US");
            if (!UTIL.isValidNumber(number)) {
                throw new IllegalArgumentException("'" + raw.trim() + "' is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + raw.trim() + "' is not a phone number");
        }
    }

    /** A search term as E.164, or null when it does not read as a phone number. */
    public static String tryE164(String raw) {
        try {
            return toE164(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Shows only the last four digits, for lists and logs. */
    public static String mask(String e164) {
        return e164.length() <= 4 ? "****" : "•••-•••-" + e164.substring(e164.length() - 4);
    }
}
