package io.rapport.messaging.sms;

import io.rapport.accounts.AccountId;
import io.rapport.consent.ConsentChannel;
import io.rapport.consent.OptOuts;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.Channel;
import io.rapport.messaging.MessageId;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.delivery.HandOvers;
import io.rapport.messaging.delivery.Transmission;
import io.rapport.messaging.delivery.TransmissionFailed;
import io.rapport.messaging.templates.Disclosures;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.messaging.spi.OutgoingSms;
import io.rapport.messaging.spi.SmsProvider;
import io.rapport.messaging.spi.SmsProviderFailure;
import io.rapport.platform.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Texts: the author's text followed by the debt-collector statement and the STOP instruction, counted in segments and
 * claimed once per idempotency key in the caller's transaction; {@link #transmit} hands it to the provider once the
 * claim has committed, refusing a number that has opted out since, and paced per sender number (never inside a
 * database transaction).
 */
@Component
public class SmsChannel {

    private static final int MAX_BATCH = 100;

    private final MessageLog messages;
    private final OptOuts optOuts;
    private final SmsProvider provider;
    private final SenderRateLimit rateLimit;
    private final double perSecond;
    private final String sender;
    private final Clock clock;

    SmsChannel(MessageLog messages, OptOuts optOuts, SmsProvider provider, @Value("${rapport.sms.sender:+15550100100}") String sender,
            @Value("${rapport.sms.per-sender-per-second:1}") double perSecond, Clock clock) {
        this.messages = messages;
        this.optOuts = optOuts;
        this.provider = provider;
        this.sender = sender;
        this.rateLimit = new SenderRateLimit(perSecond);
        this.perSecond = perSecond;
        this.clock = clock;
    }

    public String sender() {
        return sender;
    }

    /** The final text of a message: the author's part, then the disclosures the system adds. */
    public static String finalText(String authored, String language) {
        return authored.strip() + "\n" + Disclosures.smsFooter(language);
    }

    /** Claims the text in the caller's transaction; nothing goes to the provider here. */
    public MessageLog.Claim send(ApprovedContact contact, MessageTemplate template, TemplateRendering.Rendered rendered, UUID campaignId) {
        String text = finalText(rendered.body(), template.language());
        SmsSegments.Count count = SmsSegments.count(text);
        return messages.claim(contact, new MessageLog.Outbound(template.id(), template.version(), campaignId,
                sender, null, text, count.segments()));
    }

    /** Queues a reply the carrier rules require (the STOP confirmation, the HELP answer); never marketing or collection. */
    public MessageId reply(TenantId tenant, AccountId account, String to, String text) {
        return messages.recordSystemMessage(tenant, account, Channel.SMS, to, sender, text, SmsSegments.count(text).segments());
    }

    /**
     * How many texts to hand over in one batch: as many as one sender number may send in about ten seconds, so that a
     * paced batch is recorded as sent soon after its texts went out (and long before its attempts' lease runs out).
     */
    public int textsPerBatch() {
        return (int) Math.max(1, Math.min(MAX_BATCH, Math.floor(perSecond * 10)));
    }

    /**
     * Hands the queued texts to the provider one by one, each after its sender's next free slot. A text the gate
     * approved is refused when the number opted out after it was queued; a required reply (the STOP confirmation) is
     * not. Each text is taken or not on its own.
     */
    public HandOvers transmit(List<MessageLog.Pending> batch) {
        HandOvers outcome = new HandOvers();
        for (MessageLog.Pending message : batch) {
            try {
                outcome.taken(message.id(), transmit(message));
            } catch (TransmissionFailed failure) {
                outcome.notTaken(message.id(), failure);
            }
        }
        return outcome;
    }

    private Transmission transmit(MessageLog.Pending message) throws TransmissionFailed {
        if (message.approved() && optedOut(message)) {
            throw TransmissionFailed.permanent("the consumer opted out of texts at this number");
        }
        SmsSegments.Count count = SmsSegments.count(message.body());
        pause(rateLimit.reserve(message.sender(), clock.instant()));
        try {
            String ref = provider.send(new OutgoingSms(message.tenant(), message.id().value(), message.sender(),
                    message.recipient(), message.body(), count.segments(), count.encoding().name()));
            return new Transmission(ref, count.segments() + " segment(s), " + count.encoding());
        } catch (SmsProviderFailure e) {
            // A permanent refusal (an invalid number, an unsubscribed one) would fail again: no retries.
            if (e.permanent()) {
                throw TransmissionFailed.permanent("the SMS provider refused it: " + e.getMessage());
            }
            throw TransmissionFailed.transientFailure("the SMS provider did not accept it: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw TransmissionFailed.transientFailure("the SMS provider did not accept it: " + e.getMessage(), e);
        }
    }

    private boolean optedOut(MessageLog.Pending message) throws TransmissionFailed {
        try {
            return optOuts.isOptedOut(message.tenant(), message.account().value(), ConsentChannel.SMS, message.recipient());
        } catch (RuntimeException e) {
            // Not sent without knowing; the texts before it in the batch went out and are recorded as such.
            throw TransmissionFailed.transientFailure("the consumer's consent could not be checked", e);
        }
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
