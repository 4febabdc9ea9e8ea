package io.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts consumer personal data before it reaches the database, and computes the keyed
 * blind index that lets accounts be found by email, phone or name without storing them in
 * the clear.
 *
 * <p>Each value is bound to its tenant and its purpose (associated data), so a ciphertext
 * copied to another tenant's row or another column does not decrypt.
 */
public class ConsumerDataCipher {

    private final EncryptionKeys keys;

    public ConsumerDataCipher(EncryptionKeys keys) {
        this.keys = keys;
    }

    public String encrypt(TenantId tenant, String purpose, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = keys.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(tenant, purpose));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(TenantId tenant, String purpose, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            byte[] opened = keys.aead().decrypt(Base64.getDecoder().decode(ciphertext), associatedData(tenant, purpose));
            return new String(opened, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Never include the value: it may be consumer data.
            throw new IllegalStateException("a stored " + purpose + " value could not be decrypted with the current keyset");
        }
    }

    /**
     * A deterministic, keyed fingerprint of a normalized value (lower-case email, E.164 phone,
     * folded name), scoped to the tenant: equal inputs give equal index values, and the value
     * reveals nothing without the key.
     */
    public String blindIndex(TenantId tenant, String kind, String normalizedValue) {
        if (normalizedValue == null || normalizedValue.isBlank()) {
            return null;
        }
        try {
            byte[] input = (tenant + "|" + kind + "|" + normalizedValue).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(keys.blindIndex().computePrimary(input, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private static byte[] associatedData(TenantId tenant, String purpose) {
        return (tenant + "|" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
