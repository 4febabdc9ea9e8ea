package io.rapport.messaging;

import io.rapport.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a message says about the payment asked for: the amount, the consumer's payment link, when it expires, an
 * optional settlement offer and, for a request from a bulk send, the other columns of its spreadsheet row (merge
 * fields {@code row.<column>}). The payment request itself belongs to campaigns; messaging only shows it.
 *
 * @param rowFields the spreadsheet row's extra columns by header, or null when the request comes from no spreadsheet
 */
public record PaymentRequestDetails(Money amount, String link, Instant expiresAt, SettlementOffer settlementOffer,
        Map<String, String> rowFields) {

    public PaymentRequestDetails(Money amount, String link, Instant expiresAt, SettlementOffer settlementOffer) {
        this(amount, link, expiresAt, settlementOffer, null);
    }

    public record SettlementOffer(Money amount, LocalDate validUntil) {
    }
}
