package io.rapport.accounts;

import java.util.UUID;

/**
 * A creditor client of the tenant (the bank, utility or clinic whose debts are collected),
 * with the branding every consumer-facing message and page of theirs carries.
 * Lifecycle: created when first named in a placement or by an admin; branding edited later.
 */
public record Creditor(UUID id, String name, Branding branding) {

    public record Branding(String logoUrl, String primaryColor, String accentColor, String senderName, String emailDomain,
            String supportPhone, String supportHours, String licenceNumbers, String disputeAddress) {

        public static Branding plain(String name) {
            return new Branding(null, "#1f4e79", "#2e7d32", name, null, null, null, null, null);
        }
    }
}
