package io.rapport.messaging;

import io.rapport.accounts.AccountId;
import io.rapport.accounts.Deliverability;
import io.rapport.consent.ConsentChannel;
import io.rapport.consent.OptOuts;
import io.rapport.messaging.email.EmailChannel;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.messaging.tracking.TrackingTokens;
import io.rapport.platform.Actor;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What happened to messages: opens and clicks from tracked links, unsubscribes, bounces and complaints reported by
 * the mail system, returned letters; each becomes an event on the message and the account timeline. Also reads a
 * message with its events and counts a campaign's messages by event.
 */
@Service
public class MessageTracking {

    private final MessageLog log;
    private final TrackingTokens tokens;
    private final OptOuts optOuts;
    private final Deliverability deliverability;

    MessageTracking(MessageLog log, TrackingTokens tokens, OptOuts optOuts, Deliverability deliverability) {
        this.deliverability = deliverability;
        this.log = log;
        this.tokens = tokens;
        this.optOuts = optOuts;
    }

    public Optional<Message> find(TenantId tenant, MessageId id) {
        return log.find(tenant, id);
    }

    public Map<EventKind, Long> counts(TenantId tenant, UUID campaignId) {
        return log.counts(tenant, campaignId);
    }

    /** The open pixel was loaded. */
    public void opened(String token) {
        tokens.resolve(token, TrackingTokens.Purpose.OPEN).ifPresent(t -> log.record(t.tenant(), t.message(), EventKind.OPENED, null));
    }

    /** A tracked link was followed; @return the one URL it may lead to */
    public Optional<String> clicked(String token) {
        return tokens.resolve(token, TrackingTokens.Purpose.CLICK).map(t -> {
            log.record(t.tenant(), t.message(), EventKind.CLICKED, null);
            return t.url();
        });
    }

    /** Whether the token is a live unsubscribe link. */
    public boolean isUnsubscribeLink(String token) {
        return tokens.resolve(token, TrackingTokens.Purpose.UNSUBSCRIBE).isPresent();
    }

    /** The consumer unsubscribed by the link in an email (or one-click from their mail app); @return false for an unknown link */
    public boolean unsubscribe(String token) {
        return tokens.resolve(token, TrackingTokens.Purpose.UNSUBSCRIBE).map(t -> {
            AccountId account = log.find(t.tenant(), t.message()).orElseThrow().accountId();
            optOuts.optOut(Actor.system(t.tenant(), "messaging"), account.value(), ConsentChannel.EMAIL, log.recipient(t.tenant(), t.message()), "email-unsubscribe-link");
            return true;
        }).orElse(false);
    }

    public enum MailFeedback { BOUNCE, COMPLAINT }

    /** A temporary SMTP failure (RFC 5321 4xx reply, RFC 3463 4.x.x status): the address may work tomorrow. */
    private static final Pattern TEMPORARY_SMTP_FAILURE = Pattern.compile("\\s*(4\\d\\d|4\\.\\d{1,3}\\.\\d{1,3})\\b");

    /**
     * A bounce or spam complaint the mail system reported for one of our Message-IDs. A hard bounce (any bounce whose
     * reason does not start with a temporary 4xx SMTP code, such as "452 4.2.2 mailbox full") marks the address
     * undeliverable. A complaint also opts the address out of email: a consumer who calls us spam does not want our
     * mail.
     */
    public MessageId mailFeedback(TenantId tenant, String messageIdHeader, MailFeedback kind, String reason) {
        UUID id = EmailChannel.messageIdOf(messageIdHeader)
                .orElseThrow(() -> InvalidRequest.of("messageId", "is not a Message-ID Rapport wrote"));
        MessageId message = new MessageId(id);
        Message found = log.find(tenant, message).filter(m -> m.channel() == Channel.EMAIL)
                .orElseThrow(() -> new NotFound("message", id));
        String detail = reason == null ? null : reason.replaceAll("[\\r\\n]+", " ");
        if (kind == MailFeedback.BOUNCE) {
            log.record(tenant, message, EventKind.BOUNCED, detail);
            if (!TEMPORARY_SMTP_FAILURE.matcher(detail == null ? "" : detail).lookingAt()) {
                deliverability.markContactPointUndeliverable(Actor.system(tenant, "messaging"), found.accountId(),
                        log.recipient(tenant, message), "the email bounced" + (detail == null ? "" : " (" + detail + ")"));
            }
        } else {
            log.record(tenant, message, EventKind.COMPLAINED, detail);
            optOuts.optOut(Actor.system(tenant, "messaging"), found.accountId().value(), ConsentChannel.EMAIL, log.recipient(tenant, message), "email-complaint");
        }
        return message;
    }

    /** The letter vendor or the post office returned a letter as undeliverable: the mailing address is marked so. */
    public void letterReturned(TenantId tenant, MessageId id, String reason) {
        Message found = log.find(tenant, id).orElseThrow(() -> new NotFound("message", id));
        if (found.channel() != Channel.LETTER) {
            throw InvalidRequest.of("messageId", "is not a letter");
        }
        String why = reason == null || reason.isBlank() ? "mail returned" : reason.strip();
        log.record(tenant, id, EventKind.RETURNED, why);
        deliverability.markMailingAddressUndeliverable(Actor.system(tenant, "messaging"), found.accountId(),
                "a letter came back (" + why + ")");
    }
}
