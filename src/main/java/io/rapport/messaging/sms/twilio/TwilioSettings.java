package io.rapport.messaging.sms.twilio;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Rapport reaches Twilio, under {@code rapport.sms.twilio.*} (environment variables {@code RAPPORT_TWILIO_*}).
 *
 * @param accountSid          the account texts are sent from and billed to ({@code AC...})
 * @param authToken           the account's auth token: authenticates the API calls and signs Twilio's webhooks
 * @param messagingServiceSid the Messaging Service ({@code MG...}) whose number pool sends; wins over {@code from}
 * @param from                the Twilio number texts are sent from (E.164), when no Messaging Service is set
 * @param apiBaseUrl          another address of the REST API (a regional or edge host, or a test server); blank means
 *                            Twilio's own {@code https://api.twilio.com}
 */
@ConfigurationProperties(prefix = "rapport.sms.twilio")
public record TwilioSettings(String accountSid, String authToken, String messagingServiceSid, String from,
        String apiBaseUrl) {

    public TwilioSettings {
        accountSid = blankToNull(accountSid);
        authToken = blankToNull(authToken);
        messagingServiceSid = blankToNull(messagingServiceSid);
        from = blankToNull(from);
        apiBaseUrl = blankToNull(apiBaseUrl);
        if (apiBaseUrl != null && apiBaseUrl.endsWith("/")) {
            apiBaseUrl = apiBaseUrl.substring(0, apiBaseUrl.length() - 1);
        }
    }

    /**
     * Stops the start when a required setting is missing or malformed, naming each environment variable at fault,
     * so an operator never finds out from texts that silently did not go.
     */
    TwilioSettings checked() {
        List<String> problems = new ArrayList<>();
        if (accountSid == null) {
            problems.add("RAPPORT_TWILIO_ACCOUNT_SID is required: the Account SID (AC...) from the Twilio console");
        } else if (!accountSid.matches("AC[0-9a-fA-F]{32}")) {
            problems.add("RAPPORT_TWILIO_ACCOUNT_SID must be an Account SID: AC followed by 32 hexadecimal digits");
        }
        if (authToken == null) {
            problems.add("RAPPORT_TWILIO_AUTH_TOKEN is required: the account's auth token from the Twilio console");
        }
        if (messagingServiceSid == null && from == null) {
            problems.add("RAPPORT_TWILIO_MESSAGING_SERVICE_SID (MG...) or RAPPORT_TWILIO_FROM (a Twilio number in E.164) is required");
        }
        if (messagingServiceSid != null && !messagingServiceSid.matches("MG[0-9a-fA-F]{32}")) {
            problems.add("RAPPORT_TWILIO_MESSAGING_SERVICE_SID must be MG followed by 32 hexadecimal digits");
        }
        if (from != null && !from.matches("\\+[1-9][0-9]{6,14}")) {
            problems.add("RAPPORT_TWILIO_FROM must be a phone number in E.164, e.g. +13015550123");
        }
        if (apiBaseUrl != null && !isHttpUrl(apiBaseUrl)) {
            problems.add("RAPPORT_TWILIO_API_BASE_URL must be an http(s) URL, e.g. https://api.dublin.ie1.twilio.com");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("RAPPORT_SMS_PROVIDER=twilio cannot start: " + String.join("; ", problems));
        }
        return this;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
