package io.rapport.messaging.letters;

import io.rapport.accounts.AccountDetails;
import io.rapport.accounts.Creditor;
import io.rapport.messaging.ApprovedContact;
import io.rapport.messaging.MessageTemplate;
import io.rapport.messaging.PaymentRequestDetails;
import io.rapport.messaging.templates.TemplateRendering;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.ConsumerDataCipher;
import io.rapport.platform.DeferredInserts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Queues a letter for the next print batch: the composed letter is kept encrypted with its message, written in the
 * same transaction as the message and its idempotency key. It counts as sent when a print batch takes it.
 */
@Component
public class LetterChannel {

    public static final String HTML = "letter-html";

    private final MessageLog messages;
    private final DeferredInserts deferred;
    private final ConsumerDataCipher cipher;
    private final Clock clock;

    LetterChannel(MessageLog messages, DeferredInserts deferred, ConsumerDataCipher cipher, Clock clock) {
        this.messages = messages;
        this.deferred = deferred;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Queues a letter the system composed itself, printed exactly as given. */
    public MessageLog.Claim sendDocument(ApprovedContact contact, io.rapport.messaging.SystemDocument document) {
        return queue(contact, new MessageLog.Outbound(null, null, null, null, null, null, 0), document.html());
    }

    public MessageLog.Claim send(ApprovedContact contact, MessageTemplate template, Creditor creditor, AccountDetails account,
            TemplateRendering.Rendered rendered, PaymentRequestDetails payment, UUID campaignId) {
        String html = LetterComposer.compose(template.language(), creditor, account, rendered, payment,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return queue(contact, new MessageLog.Outbound(template.id(), template.version(), campaignId, null, null, null, 0), html);
    }

    private MessageLog.Claim queue(ApprovedContact contact, MessageLog.Outbound outbound, String html) {
        return messages.claim(contact, outbound, id -> deferred.insert("letter", List.of("message_id", "tenant_id", "html_enc",
                "created_at"), id.value(), contact.tenant().value(), cipher.encrypt(contact.tenant(), HTML, html),
                Timestamp.from(clock.instant())));
    }
}
