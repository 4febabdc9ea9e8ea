package io.rapport.messaging.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outgoing mail server ({@code RAPPORT_SMTP_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}). With no
 * host, Rapport starts its own in-process mail server on {@code demoPort} and shows what it receives in the console.
 */
@ConfigurationProperties(prefix = "rapport.smtp")
public record SmtpSettings(String host, Integer port, String user, String password, Integer demoPort) {

    public boolean inProcess() {
        return host == null || host.isBlank();
    }
}
