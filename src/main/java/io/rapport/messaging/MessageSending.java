package io.rapport.messaging;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Accounts;
import io.rapport.accounts.Creditor;
import io.rapport.accounts.Creditors;
import io.rapport.accounts.Verification;
import io.rapport.messaging.email.EmailChannel;
import io.rapport.messaging.letters.LetterChannel;
import io.rapport.messaging.sms.SmsChannel;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.InvalidRequest;
import io.rapport.platform.NotFound;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Sends one message on the strength of the compliance gate's {@link ApprovedContact}; there is no other way to send.
 * The message is claimed in the caller's transaction and handed to its provider only after that commits (see
 * {@link MessageDelivery}); the same approval (idempotency key) sent again returns the first message and sends nothing.
 */
@Service
public class MessageSending {

    private final MessageTemplates templates;
    private final Accounts accounts;
    private final Creditors creditors;
    private final MessageLog log;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final LetterChannel letters;
    private final MessageDelivery delivery;

    MessageSending(MessageTemplates templates, Accounts accounts, Creditors creditors, MessageLog log, EmailChannel email,
            SmsChannel sms, LetterChannel letters, MessageDelivery delivery) {
        this.delivery = delivery;
        this.templates = templates;
        this.accounts = accounts;
        this.creditors = creditors;
        this.log = log;
        this.email = email;
        this.sms = sms;
        this.letters = letters;
    }

    /**
     * Sends a document the system composed (see {@link SystemDocument}) as a letter or an email, on the approved channel
     * to the approved address. The same approval sent again returns the first message and sends nothing.
     */
    public MessageId sendDocument(ApprovedContact approved, SystemDocument document) {
        Optional<MessageId> already = log.byIdempotencyKey(approved.tenant(), approved.idempotencyKey());
        if (already.isPresent()) {
            return already.get();
        }
        AccountDetails account = accounts.find(approved.tenant(), approved.account())
                .orElseThrow(() -> new NotFound("account", approved.account()));
        if (approved.channel() != Channel.LETTER && !accounts.hasContactPoint(approved.tenant(), account, approved.address())) {
            throw InvalidRequest.of("address", "is not one of the consumer's contact points");
        }
        Creditor creditor = creditors.find(approved.tenant(), account.creditor().id())
                .orElseThrow(() -> new NotFound("creditor", account.creditor().id()));
        refuseUndeliverable(approved, account);
        MessageLog.Claim claim = switch (approved.channel()) {
            case LETTER -> letters.sendDocument(approved, document);
            case EMAIL -> email.sendDocument(approved, creditor, document);
            case SMS -> throw InvalidRequest.of("channel", "a " + document.kind() + " is sent by letter or email, not by text");
        };
        if (claim.created() && approved.channel() == Channel.EMAIL) {
            delivery.afterCommit(approved.tenant(), claim.id());
        }
        return claim.id();
    }

    /**
     * Renders the current version of the template for the approved account and sends it on the approved channel to the
     * approved address.
     *
     * @param payment    the payment request the message shows, or {@code null} for a template that shows none
     * @param campaignId the campaign (payment request, bulk send) to count it under, or {@code null}
     */
    public MessageId send(ApprovedContact approved, TemplateId templateId, PaymentRequestDetails payment, UUID campaignId) {
        // The gate answered this approval once (Outreach keeps its decision per key), and the claim below finds a message
        // already made with the key, so a repeated approval sends nothing.
        MessageTemplate template = templates.find(approved.tenant(), templateId).orElseThrow(() -> new NotFound("template", templateId));
        if (template.channel() != approved.channel()) {
            throw InvalidRequest.of("templateId", "is a " + template.channel() + " template; the contact was approved for "
                    + approved.channel());
        }
        AccountDetails account = accounts.find(approved.tenant(), approved.account())
                .orElseThrow(() -> new NotFound("account", approved.account()));
        if (!template.creditorId().equals(account.creditor().id())) {
            throw InvalidRequest.of("templateId", "belongs to another creditor than the account's");
        }
        if (approved.channel() != Channel.LETTER && !accounts.hasContactPoint(approved.tenant(), account, approved.address())) {
            throw InvalidRequest.of("address", "is not one of the consumer's contact points");
        }
        refuseUndeliverable(approved, account);
        Creditor creditor = creditors.find(approved.tenant(), template.creditorId())
                .orElseThrow(() -> new NotFound("creditor", template.creditorId()));
        TemplateRendering.Rendered rendered = templates.render(template, account, creditor, payment);
        MessageLog.Claim claim = switch (approved.channel()) {
            case EMAIL -> email.send(approved, template, creditor, rendered, campaignId);
            case SMS -> sms.send(approved, template, rendered, campaignId);
            case LETTER -> letters.send(approved, template, creditor, account, rendered, payment, campaignId);
        };
        if (claim.created() && approved.channel() != Channel.LETTER) {
            delivery.afterCommit(approved.tenant(), claim.id());
        }
        return claim.id();
    }

    /** Nothing goes where the channel already told us it cannot reach (a hard bounce, a returned letter). */
    private static void refuseUndeliverable(ApprovedContact approved, AccountDetails account) {
        if (approved.channel() == Channel.LETTER) {
            if (account.addressStatus() == Verification.UNDELIVERABLE) {
                throw InvalidRequest.of("address", "the mailing address is undeliverable" + why(account.addressUndeliverable()));
            }
            return;
        }
        String wanted = approved.address().trim();
        account.contactPoints().stream()
                .filter(cp -> cp.verification() == Verification.UNDELIVERABLE && cp.value() != null
                        && (wanted.contains("@") ? cp.value().trim().equalsIgnoreCase(wanted) : cp.value().trim().equals(wanted)))
                .findFirst()
                .ifPresent(cp -> {
                    throw InvalidRequest.of("address", "is undeliverable" + why(cp.undeliverable()));
                });
    }

    private static String why(AccountDetails.Undeliverable undeliverable) {
        return undeliverable == null ? "" : " since " + undeliverable.since() + ": " + undeliverable.reason();
    }
}
