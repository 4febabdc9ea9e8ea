package io.rapport.accounts;

import io.rapport.platform.TenantId;

/** A new account was placed with the tenant, by API, import or the demo. */
public record AccountPlaced(TenantId tenantId, AccountId accountId, String externalRef) {
}
