package io.rapport.messaging.sms;

import io.rapport.accounts.AccountId;
import io.rapport.consent.ConsentChannel;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.Channel;
import io.rapport.messaging.EventKind;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.templates.Disclosures;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.messaging.tracking.OptOuts;
import io.rapport.messaging.spi.OutgoingSms;
import io.rapport.messaging.spi.SmsProvider;
import io.rapport.messaging.spi.SmsProviderFailure;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends texts: the author's text followed by the debt-collector statement and the STOP instruction, counted in
 * segments, claimed once per idempotency key, refused when the number has opted out, paced per sender number, and
 * retried with backoff before it is marked failed (a permanent refusal of the provider is not retried).
 */
@Component
public class SmsChannel {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);
    private static final long[] BACKOFF_MILLIS = {0, 500, 2000};

    private final MessageLog messages;
    private final OptOuts optOuts;
    private final SmsProvider provider;
    private final SenderRateLimit rateLimit;
    private final String sender;
    private final Clock clock;

    SmsChannel(MessageLog messages, OptOuts optOuts, SmsProvider provider, @Value("${rapport.sms.sender:+15550100100}") String sender,
            @Value("${rapport.sms.per-sender-per-second:1}") double perSecond, Clock clock) {
        this.messages = messages;
        this.optOuts = optOuts;
        this.provider = provider;
        this.sender = sender;
        this.rateLimit = new SenderRateLimit(perSecond);
        this.clock = clock;
    }

    public String sender() {
        return sender;
    }

    /** The final text of a message: the author's part, then the disclosures the system adds. */
    public static String finalText(String authored, String language) {
        return authored.strip() + "\n" + Disclosures.smsFooter(language);
    }

    public MessageId send(ApprovedContact contact, MessageTemplate template, TemplateRendering.Rendered rendered, UUID campaignId) {
        String text = finalText(rendered.body(), template.language());
        SmsSegments.Count count = SmsSegments.count(text);
        MessageLog.Claim claim = messages.claim(contact, new MessageLog.Outbound(template.id(), template.version(), campaignId,
                sender, null, text, count.segments()));
        if (!claim.created()) {
            return claim.id();
        }
        if (optOuts.isOptedOut(contact.tenant(), contact.account(), ConsentChannel.SMS, contact.address())) {
            messages.record(contact.tenant(), claim.id(), EventKind.FAILED, "the consumer opted out of texts at this number");
            return claim.id();
        }
        deliver(contact.tenant(), claim.id(), contact.address(), text, count);
        return claim.id();
    }

    /** A reply the carrier rules require (the STOP confirmation, the HELP answer); never marketing or collection. */
    public MessageId reply(TenantId tenant, AccountId account, String to, String text) {
        SmsSegments.Count count = SmsSegments.count(text);
        MessageId id = messages.recordSystemMessage(tenant, account, Channel.SMS, to, sender, text, count.segments());
        deliver(tenant, id, to, text, count);
        return id;
    }

    private void deliver(TenantId tenant, MessageId id, String to, String text, SmsSegments.Count count) {
        OutgoingSms sms = new OutgoingSms(tenant, id.value(), sender, to, text, count.segments(), count.encoding().name());
        String failure = null;
        for (long backoff : BACKOFF_MILLIS) {
            pause(Duration.ofMillis(backoff).plus(rateLimit.reserve(sender, clock.instant())));
            try {
                String ref = provider.send(sms);
                messages.providerRef(tenant, id, ref);
                messages.record(tenant, id, EventKind.SENT, count.segments() + " segment(s), " + count.encoding());
                return;
            } catch (SmsProviderFailure | RuntimeException e) {
                failure = e.getMessage();
                log.warn("Sending text {} through {} failed: {}", id, provider.name(), e.getMessage());
                if (e instanceof SmsProviderFailure refused && refused.permanent()) {
                    break;
                }
            }
        }
        messages.record(tenant, id, EventKind.FAILED, "the SMS provider did not accept it: " + failure);
    }

    private static void pause(Duration duration) {
        if (!duration.isNegative() && !duration.isZero()) {
            try {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
