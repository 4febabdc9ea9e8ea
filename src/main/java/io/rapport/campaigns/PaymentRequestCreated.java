package io.rapport.campaigns;

import io.rapport.accounts.AccountId;
import io.rapport.platform.Money;
import io.rapport.platform.TenantId;
import java.time.Instant;

/** A payment request was created (whether or not any channel allowed sending it). */
public record PaymentRequestCreated(TenantId tenant, PaymentRequestId id, AccountId account, Money amount, Instant expiresAt,
        PaymentRequestStatus status) {
}
