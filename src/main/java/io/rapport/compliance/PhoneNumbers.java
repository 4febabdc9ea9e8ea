package io.rapport.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.Locale;

/** Comparing addresses as the consumer means them: phone numbers by their E.164 form. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The gate compares the same few numbers many times per decision: each is read once. */
    private static final RememberedAnswers<String, String> E164 = new RememberedAnswers<>(4_096, PhoneNumbers::read);

    private PhoneNumbers() {
    }

    /** The E.164 form of a number (US numbers may be written nationally), or its digits if unreadable. */
    public static String normalize(String number) {
        return number == null ? null : E164.of(number);
    }

    private static String read(String number) {
        try {
            return PHONES.format(PHONES.parse(number, "US"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return number.replaceAll("[^0-9+]", "");
        }
    }

    /** Whether two written numbers are the same line. */
    public static boolean same(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }

    /** Whether two addresses on a channel are the same: numbers compared as numbers, others ignoring case. */
    public static boolean sameAddress(Channel channel, String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (channel != null && channel.usesPhoneNumber()) {
            return same(a, b);
        }
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
