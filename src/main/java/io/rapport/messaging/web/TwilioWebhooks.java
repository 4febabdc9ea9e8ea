package io.rapport.messaging.web;

import io.rapport.messaging.SmsDeliveryReports;
import io.rapport.messaging.SmsReplies;
import io.rapport.messaging.sms.CallbackTenants;
import io.rapport.messaging.sms.twilio.TwilioSignatures;
import io.rapport.messaging.sms.twilio.TwilioSmsProvider;
import io.rapport.platform.InvalidRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's calls to Rapport: delivery reports and consumers' texts. They come without a login, so each must carry
 * Twilio's signature over its URL and parameters; anything else is refused with 403 before anything is read or
 * recorded. A valid report or text goes the same way as the sandbox's simulated ones.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "rapport.sms.provider", havingValue = "twilio")
class TwilioWebhooks {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    /** Rapport sends its own confirmations through the provider, so Twilio is told to answer nothing. */
    private static final String NO_ANSWER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioSignatures signatures;
    private final CallbackTenants tenants;
    private final SmsDeliveryReports reports;
    private final SmsReplies replies;

    TwilioWebhooks(TwilioSignatures signatures, CallbackTenants tenants, SmsDeliveryReports reports, SmsReplies replies) {
        this.signatures = signatures;
        this.tenants = tenants;
        this.reports = reports;
        this.replies = replies;
    }

    /**
     * Twilio's error codes that say the number itself cannot take texts (invalid, not a mobile, unknown to the carrier),
     * so it is marked undeliverable; others (unreachable handset, carrier congestion) may pass later.
     */
    private static final java.util.Set<String> NUMBER_CANNOT_RECEIVE = java.util.Set.of("21211", "21614", "30005", "30006");

    @PostMapping(TwilioSmsProvider.STATUS_PATH)
    ResponseEntity<Void> status(HttpServletRequest request) {
        Optional<Map<String, String>> signed = signedParameters(request, TwilioSmsProvider.STATUS_PATH);
        if (signed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Map<String, String> p = signed.get();
        String status = required(p, "MessageStatus");
        String sid = required(p, "MessageSid");
        boolean delivered = status.equals("delivered");
        if (delivered || status.equals("undelivered") || status.equals("failed")) {
            Optional<CallbackTenants.SentText> sent = tenants.byProviderRef(sid);
            String errorCode = p.get("ErrorCode");
            sent.ifPresentOrElse(text -> reports.report(text.tenant(), text.message(), delivered, delivered ? null
                            : "Twilio reported it " + status + (errorCode == null ? "" : ", error " + errorCode),
                            !delivered && NUMBER_CANNOT_RECEIVE.contains(errorCode)),
                    () -> log.info("Twilio reported {} for {}, a message Rapport did not send", status, sid));
        }
        // queued, sending, sent: Rapport recorded the text as sent when Twilio took it.
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = TwilioSmsProvider.INBOUND_PATH, produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request) {
        Optional<Map<String, String>> signed = signedParameters(request, TwilioSmsProvider.INBOUND_PATH);
        if (signed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_XML).build();
        }
        String from = required(signed.get(), "From");
        String body = signed.get().getOrDefault("Body", "");
        tenants.lastTexted(from).ifPresentOrElse(tenant -> replies.receive(tenant, from, body),
                () -> log.info("A text from a number no tenant has texted ({}) was not kept", signed.get().get("MessageSid")));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(NO_ANSWER);
    }

    /** The request's form parameters when Twilio signed exactly these for this path, or nothing. */
    private Optional<Map<String, String>> signedParameters(HttpServletRequest request, String path) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values.length == 0 ? "" : values[0]));
        if (signatures.valid(path, parameters, request.getHeader("X-Twilio-Signature"))) {
            return Optional.of(parameters);
        }
        log.warn("Refused a call to {} without a valid Twilio signature", path);
        return Optional.empty();
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw InvalidRequest.of(name, "is required");
        }
        return value;
    }
}
