package io.rapport.messaging;

import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a message says about the payment asked for: the amount, the consumer's payment link, when it expires and an
 * optional settlement offer. The payment request itself belongs to campaigns; messaging only shows it.
 */
public record PaymentRequestDetails(Money amount, String link, Instant expiresAt, SettlementOffer settlementOffer) {

    public record SettlementOffer(Money amount, LocalDate validUntil) {
    }
}
