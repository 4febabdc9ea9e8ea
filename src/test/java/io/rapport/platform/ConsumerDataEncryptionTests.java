package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerDataEncryptionTests {

    @TempDir
    Path dir;

    final TenantId tenant = new TenantId(UUID.randomUUID());

    private ConsumerDataCipher cipher(EncryptionKeys keys) {
        return new ConsumerDataCipher(keys);
    }

    private EncryptionKeys keys() {
        EncryptionKeys.generateIfMissing(dir.resolve("aead.json"), dir.resolve("index.json"));
        return new EncryptionKeys(dir.resolve("aead.json"), dir.resolve("index.json"));
    }

    @Test
    void storedValuesAreNotReadableAndDecryptBack() {
        ConsumerDataCipher cipher = cipher(keys());

        String sealed = cipher.encrypt(tenant, "consumer", "Ana Diaz, 2323 Park Street");

        assertThat(sealed).doesNotContain("Ana").doesNotContain("Park");
        assertThat(cipher.decrypt(tenant, "consumer", sealed)).isEqualTo("Ana Diaz, 2323 Park Street");
    }

    @Test
    void aValueCopiedToAnotherTenantOrColumnDoesNotDecrypt() {
        ConsumerDataCipher cipher = cipher(keys());
        String sealed = cipher.encrypt(tenant, "consumer", "Ana");

        assertThatThrownBy(() -> cipher.decrypt(new TenantId(UUID.randomUUID()), "consumer", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Ana");
        assertThatThrownBy(() -> cipher.decrypt(tenant, "contact-point", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() throws Exception {
        EncryptionKeys keys = keys();
        ConsumerDataCipher cipher = cipher(keys);
        String before = cipher.encrypt(tenant, "consumer", "written before rotation");
        String keysetBefore = Files.readString(dir.resolve("aead.json"));

        EncryptionKeys.rotate(dir.resolve("aead.json"));
        Files.setLastModifiedTime(dir.resolve("aead.json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        keys.reloadIfChanged();
        String after = cipher.encrypt(tenant, "consumer", "written after rotation");

        assertThat(Files.readString(dir.resolve("aead.json"))).isNotEqualTo(keysetBefore);
        assertThat(cipher.decrypt(tenant, "consumer", before)).isEqualTo("written before rotation");
        assertThat(cipher.decrypt(tenant, "consumer", after)).isEqualTo("written after rotation");
        // Tink prefixes each ciphertext with its key id: the new value names a different key.
        assertThat(java.util.Arrays.copyOfRange(java.util.Base64.getDecoder().decode(after), 0, 5))
                .isNotEqualTo(java.util.Arrays.copyOfRange(java.util.Base64.getDecoder().decode(before), 0, 5));
    }

    @Test
    void theBlindIndexIsStablePerTenantAndRevealsNothing() {
        ConsumerDataCipher cipher = cipher(keys());

        String a = cipher.blindIndex(tenant, "email", "ana@example.com");

        assertThat(cipher.blindIndex(tenant, "email", "ana@example.com")).isEqualTo(a);
        assertThat(cipher.blindIndex(new TenantId(UUID.randomUUID()), "email", "ana@example.com")).isNotEqualTo(a);
        assertThat(cipher.blindIndex(tenant, "phone", "ana@example.com")).isNotEqualTo(a);
        assertThat(a).hasSize(32).doesNotContain("ana");
    }
}
