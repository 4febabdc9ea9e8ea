package io.rapport.messaging.sms.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * Tells Twilio's webhook requests from forgeries: Twilio signs each request with the account's auth token over the
 * public URL it called and the form parameters ({@code X-Twilio-Signature}); the SDK's validator checks it. The URL
 * is the one Rapport gave Twilio ({@code rapport.base-url} and the path), not the one the request arrived at, which
 * a proxy in front of Rapport may have changed.
 */
public class TwilioSignatures {

    private final RequestValidator validator;
    private final String publicBaseUrl;

    TwilioSignatures(TwilioSettings settings, String publicBaseUrl) {
        this.validator = new RequestValidator(settings.authToken());
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @return true when the signature was made with the account's auth token over exactly this URL and these parameters */
    public boolean valid(String path, Map<String, String> parameters, String signature) {
        return signature != null && !signature.isBlank()
                && validator.validate(publicUrl(publicBaseUrl, path), parameters, signature);
    }

    static String publicUrl(String publicBaseUrl, String path) {
        return (publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl) + path;
    }
}
