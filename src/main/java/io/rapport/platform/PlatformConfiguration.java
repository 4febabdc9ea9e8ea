package io.rapport.platform;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EncryptionKeys encryptionKeys(RapportProperties properties, @Value("${rapport.demo:false}") boolean demo) {
        Path keyset = properties.encryption().keyset() != null
                ? properties.encryption().keyset()
                : properties.dataDir().resolve("keys/consumer-data-keyset.json");
        Path index = properties.encryption().blindIndexKeyset() != null
                ? properties.encryption().blindIndexKeyset()
                : keyset.toAbsolutePath().getParent().resolve("blind-index-keyset.json");
        if (EncryptionKeys.generateIfMissing(keyset, index) && !demo) {
            log.warn("Generated new encryption keysets in {}. Back them up and keep them out of the database backups: "
                    + "without them no consumer data can be read. Set RAPPORT_ENCRYPTION_KEYSET in production.",
                    keyset.toAbsolutePath().getParent());
        }
        return new EncryptionKeys(keyset, index);
    }

    @Bean
    ConsumerDataCipher consumerDataCipher(EncryptionKeys keys) {
        return new ConsumerDataCipher(keys);
    }

    @Bean
    KeysetReloader keysetReloader(EncryptionKeys keys) {
        return new KeysetReloader(keys);
    }

    /** Picks up a rotated keyset file on every node, so rotation needs no restart. */
    static class KeysetReloader {
        private final EncryptionKeys keys;

        KeysetReloader(EncryptionKeys keys) {
            this.keys = keys;
        }

        @Scheduled(fixedDelayString = "${rapport.encryption.reload-seconds:30}", timeUnit = java.util.concurrent.TimeUnit.SECONDS)
        void reload() {
            keys.reloadIfChanged();
        }
    }
}
