package io.rapport.messaging.sms;

/**
 * How many segments a text takes, as carriers bill it. Text that fits the GSM 03.38 alphabet is sent in 7-bit
 * septets: 160 in one segment, 153 per segment once it is split (the rest is the concatenation header), and the
 * extension characters ({@code ^ { } \ [ ] ~ | €} and form feed) take two septets and are never split across
 * segments. Anything else is sent in UCS-2: 70 code units in one segment, 67 per segment when split, never
 * splitting a surrogate pair (an emoji).
 */
public final class SmsSegments {

    public enum Encoding { GSM7, UCS2 }

    public record Count(Encoding encoding, int segments, int units) {
    }

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static Count count(String text) {
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Count gsm7(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (total <= 160) {
            return new Count(Encoding.GSM7, total == 0 ? 0 : 1, total);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > 153) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new Count(Encoding.GSM7, segments, total);
    }

    private static Count ucs2(String text) {
        int total = text.length();
        if (total <= 70) {
            return new Count(Encoding.UCS2, 1, total);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + size > 67) {
                segments++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new Count(Encoding.UCS2, segments, total);
    }
}
