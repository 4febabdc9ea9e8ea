package io.rapport.messaging;

import io.rapport.accounts.AccountId;
import io.rapport.platform.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The compliance gate's decision that this account may be contacted now on this channel at this address. Only the
 * compliance gate creates it; messaging never sends without one. {@code idempotencyKey} is written in the same
 * transaction as the message row, so the same decision delivered twice sends once.
 *
 * @param decisionId     the gate's decision, kept on the message for the contact ledger
 * @param address        email address, E.164 phone number, or {@code null} for a letter to the postal address
 * @param idempotencyKey unique per tenant for one intended message
 */
public record ApprovedContact(UUID decisionId, TenantId tenant, AccountId account, Channel channel, String address,
        String idempotencyKey, Instant decidedAt) {

    public ApprovedContact {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(channel, "channel");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("idempotencyKey: is required, at most 200 characters");
        }
        if (channel != Channel.LETTER && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("address: is required for " + channel);
        }
    }
}
