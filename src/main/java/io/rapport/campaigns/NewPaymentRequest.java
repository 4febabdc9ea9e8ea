package io.rapport.campaigns;

import io.rapport.accounts.AccountId;
import io.rapport.messaging.Channel;
import io.rapport.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * What a caller asks for.
 *
 * @param amount    null asks for the account's balance
 * @param channels  null sends on the consumer's preferred channel; empty creates the link without sending it
 * @param expiresAt null expires after the default period
 * @param template  the creditor's template name to send with, or null for {@code payment-request}
 * @param sourceKey a key that makes creation idempotent (a bulk send's row), or null
 * @param campaign  the campaign the messages are counted under (a bulk send), or null for the request itself
 * @param rowFields a bulk send's spreadsheet columns the template can print as {@code row.*}, or null
 */
public record NewPaymentRequest(AccountId account, Money amount, List<Channel> channels, Instant expiresAt,
        boolean allowPlans, PaymentRequest.SettlementOffer settlementOffer, String template, String sourceKey,
        java.util.UUID campaign, java.util.Map<String, String> rowFields) {

    public static NewPaymentRequest of(AccountId account, Money amount, List<Channel> channels, Instant expiresAt,
            boolean allowPlans, PaymentRequest.SettlementOffer settlementOffer) {
        return new NewPaymentRequest(account, amount, channels, expiresAt, allowPlans, settlementOffer, null, null, null, null);
    }
}
