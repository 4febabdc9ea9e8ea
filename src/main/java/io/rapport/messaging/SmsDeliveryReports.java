package io.rapport.messaging;

import io.rapport.accounts.Deliverability;
import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.Actor;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import org.springframework.stereotype.Service;

/**
 * Delivery receipts from the SMS provider: the text reached the phone, or the network gave up on it. When the carrier
 * says the failure is permanent (the number does not exist, is a landline, is disconnected), the number is marked
 * undeliverable and no text goes to it any more.
 */
@Service
public class SmsDeliveryReports {

    private final MessageLog log;
    private final Deliverability deliverability;

    SmsDeliveryReports(MessageLog log, Deliverability deliverability) {
        this.log = log;
        this.deliverability = deliverability;
    }

    /** A receipt: delivered, or a failure that may pass (the phone was off). */
    public void report(TenantId tenant, MessageId id, boolean delivered, String reason) {
        report(tenant, id, delivered, reason, false);
    }

    /**
     * A receipt.
     *
     * @param permanent whether the carrier reported an error that will not pass (only read when not delivered)
     */
    public void report(TenantId tenant, MessageId id, boolean delivered, String reason, boolean permanent) {
        Message message = log.find(tenant, id).filter(m -> m.channel() == Channel.SMS && m.direction() == Message.Direction.OUTBOUND)
                .orElseThrow(() -> new NotFound("message", id));
        String why = reason == null ? "not delivered" : reason.replaceAll("[\\r\\n]+", " ");
        log.record(tenant, message.id(), delivered ? EventKind.DELIVERED : EventKind.FAILED, delivered ? null : why);
        if (!delivered && permanent) {
            deliverability.markContactPointUndeliverable(Actor.system(tenant, "messaging"), message.accountId(),
                    log.recipient(tenant, id), "the carrier could not deliver a text (" + why + ")");
        }
    }
}
