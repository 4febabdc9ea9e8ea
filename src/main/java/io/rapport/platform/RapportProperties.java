package io.rapport.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code rapport.*}. Each is also an environment variable ({@code RAPPORT_DATA_DIR}
 * for {@code rapport.data-dir}); the README lists them all.
 */
@ConfigurationProperties(prefix = "rapport")
public record RapportProperties(
        String baseUrl,
        Path dataDir,
        Encryption encryption,
        Security security) {

    public RapportProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        encryption = encryption == null ? new Encryption(null, null, null) : encryption;
        security = security == null ? new Security(null, null) : security;
    }

    /**
     * @param keyset            the Tink AEAD keyset that encrypts consumer data
     * @param blindIndexKeyset  the Tink PRF keyset for the searchable blind index; never rotated
     *                          (rotating it would orphan every index entry)
     * @param reloadSeconds     how often a running node looks for a rotated keyset file
     */
    public record Encryption(Path keyset, Path blindIndexKeyset, Integer reloadSeconds) {
    }

    /**
     * @param maxFailedLogins  consecutive failures before a console user is locked out
     * @param lockoutMinutes   how long the lock-out lasts
     */
    public record Security(Integer maxFailedLogins, Integer lockoutMinutes) {
        public int maxFailedLoginsOrDefault() {
            return maxFailedLogins == null ? 5 : maxFailedLogins;
        }

        public int lockoutMinutesOrDefault() {
            return lockoutMinutes == null ? 15 : lockoutMinutes;
        }
    }
}
