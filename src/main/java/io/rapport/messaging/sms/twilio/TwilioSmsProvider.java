package io.rapport.messaging.sms.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.rapport.messaging.spi.OutgoingSms;
import io.rapport.messaging.spi.SmsProvider;
import io.rapport.messaging.spi.SmsProviderFailure;

/**
 * Sends texts through Twilio's Programmable Messaging API with Twilio's SDK. The provider reference is Twilio's
 * message SID ({@code SM...}); Twilio reports delivery to {@code /webhooks/twilio/status} and consumers' replies to
 * {@code /webhooks/twilio/inbound} (see {@link TwilioSignatures}). A refusal of the request itself (HTTP 4xx: an
 * invalid or unreachable number, a recipient who unsubscribed at the carrier, a wrong sender) is permanent; throttling,
 * server errors and network trouble are worth another attempt.
 */
public class TwilioSmsProvider implements SmsProvider {

    /** Where Twilio posts delivery reports, after {@code rapport.base-url}. */
    public static final String STATUS_PATH = "/webhooks/twilio/status";
    /** Where Twilio posts the texts consumers send, after {@code rapport.base-url}. */
    public static final String INBOUND_PATH = "/webhooks/twilio/inbound";

    private final TwilioRestClient client;
    private final TwilioSettings settings;
    private final String statusCallback;

    TwilioSmsProvider(TwilioRestClient client, TwilioSettings settings, String publicBaseUrl) {
        this.client = client;
        this.settings = settings;
        this.statusCallback = TwilioSignatures.publicUrl(publicBaseUrl, STATUS_PATH);
    }

    @Override
    public String send(OutgoingSms sms) throws SmsProviderFailure {
        PhoneNumber to = new PhoneNumber(sms.to());
        MessageCreator creator = settings.messagingServiceSid() != null
                ? Message.creator(to, settings.messagingServiceSid(), sms.body())
                : Message.creator(to, new PhoneNumber(settings.from()), sms.body());
        creator.setStatusCallback(statusCallback);
        try {
            return creator.create(client).getSid();
        } catch (ApiException e) {
            throw refused(e);
        } catch (TwilioException e) {
            throw new SmsProviderFailure("Twilio could not be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Twilio's error messages quote the phone number, so only the code and the HTTP status are kept. */
    private static SmsProviderFailure refused(ApiException e) {
        Integer status = e.getStatusCode() != null ? e.getStatusCode() : e.getHttpStatusCode();
        Integer code = e.getCode();
        boolean permanent = status != null && status >= 400 && status < 500 && status != 408 && status != 429;
        String reason = "Twilio refused it" + (code == null ? "" : " with error " + code
                + " (https://www.twilio.com/docs/errors/" + code + ")") + (status == null ? "" : ", HTTP " + status);
        return new SmsProviderFailure(reason, e, permanent);
    }

    @Override
    public String name() {
        return "twilio";
    }
}
