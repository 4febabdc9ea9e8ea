package io.rapport.campaigns;

import io.rapport.accounts.AccountId;
import io.rapport.platform.TenantId;
import java.time.Instant;

/** A payment request reached its expiry unpaid; its link no longer opens the portal. */
public record PaymentRequestExpired(TenantId tenant, PaymentRequestId id, AccountId account, Instant expiredAt) {
}
