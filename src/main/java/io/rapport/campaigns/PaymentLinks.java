package io.rapport.campaigns;

import io.rapport.platform.RapportProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The consumer's portal link for a payment request: 256 random bits, so a link cannot be guessed or enumerated.
 * Only its SHA-256 is searchable; the token itself is kept encrypted to be resent in the reminder.
 */
@Component
class PaymentLinks {

    private static final String PATH = "/p/";
    private final SecureRandom random = new SecureRandom();
    private final String baseUrl;

    PaymentLinks(RapportProperties properties) {
        String base = properties.baseUrl() == null ? "http://localhost:8080" : properties.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String url(String token) {
        return baseUrl + PATH + token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text can be a token at all, so a scan of random paths never reaches the database. */
    static boolean looksLikeToken(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
