package io.rapport.messaging;

import io.rapport.messaging.tracking.MessageLog;
import io.rapport.platform.NotFound;
import io.rapport.platform.TenantId;
import org.springframework.stereotype.Service;

/** Delivery receipts from the SMS provider: the text reached the phone, or the network gave up on it. */
@Service
public class SmsDeliveryReports {

    private final MessageLog log;

    SmsDeliveryReports(MessageLog log) {
        this.log = log;
    }

    public void report(TenantId tenant, MessageId id, boolean delivered, String reason) {
        Message message = log.find(tenant, id).filter(m -> m.channel() == Channel.SMS && m.direction() == Message.Direction.OUTBOUND)
                .orElseThrow(() -> new NotFound("message", id));
        log.record(tenant, message.id(), delivered ? EventKind.DELIVERED : EventKind.FAILED,
                delivered ? null : reason == null ? "not delivered" : reason.replaceAll("[\\r\\n]+", " "));
    }
}
