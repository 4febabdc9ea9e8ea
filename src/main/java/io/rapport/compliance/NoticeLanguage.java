package io.rapport.compliance;

import java.util.Locale;
import java.util.Optional;

/** The languages a validation notice is written in: the Model Form B-1 in English, its Spanish version on request. */
public enum NoticeLanguage {
    EN, ES;

    /** The ISO 639-1 code, as in {@code lang="es"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language for a code such as {@code en} or {@code es}, in any case; empty for anything else. */
    public static Optional<NoticeLanguage> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(EN);
            case "es" -> Optional.of(ES);
            default -> Optional.empty();
        };
    }

    /** Spanish when the consumer reads Spanish, English otherwise. */
    public static NoticeLanguage forConsumer(String consumerLanguage) {
        return of(consumerLanguage).orElse(EN);
    }
}
