package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One tenant's key can neither read nor change another tenant's accounts, and cannot tell they exist. */
@RapportIntegrationTest
class TenantIsolationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    ApiClient agencyA;
    ApiClient agencyB;
    String accountOfB;

    @BeforeEach
    void twoTenants() {
        agencyA = new ApiClient(port, tenants.create("Agency A").apiKey());
        agencyB = new ApiClient(port, tenants.create("Agency B").apiKey());
        accountOfB = agencyB.post("/api/v1/accounts",
                SamplePlacements.json("SHARED-REF", "Bea", "Bryant", "+13015550155", "bea@example.com")).json().get("id").asString();
    }

    @Test
    void anotherTenantsAccountAnswersNotFound() {
        var response = agencyA.get("/api/v1/accounts/" + accountOfB);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Bryant");
        assertThat(agencyA.get("/api/v1/accounts/" + accountOfB + "/timeline").status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsAccountsAreNotFoundBySearch() {
        assertThat(agencyA.get("/api/v1/accounts?q=SHARED-REF").json().get("items")).isEmpty();
        assertThat(agencyA.get("/api/v1/accounts?q=bea@example.com").json().get("items")).isEmpty();
        assertThat(agencyA.get("/api/v1/accounts?q=(301)%20555-0155").json().get("items")).isEmpty();
        assertThat(agencyA.get("/api/v1/accounts?q=Bryant").json().get("items")).isEmpty();
    }

    @Test
    void anotherTenantsAccountCannotBeChanged() {
        var hold = agencyA.post("/api/v1/accounts/" + accountOfB + "/holds", "{\"kind\":\"CEASE\",\"reason\":\"x\"}");
        assertThat(hold.status()).isEqualTo(404);
        assertThat(agencyB.get("/api/v1/accounts/" + accountOfB).json().get("holds")).isEmpty();
    }

    @Test
    void anotherTenantsConsentsCreditorsAndAuditAreOutOfReach() {
        String consentOfB = agencyB.get("/api/v1/accounts/" + accountOfB).json().get("consents").get(0).get("id").asString();
        String creditorOfB = agencyB.get("/api/v1/creditors").json().get("items").get(0).get("id").asString();

        assertThat(agencyA.post("/api/v1/accounts/" + accountOfB + "/consents/" + consentOfB + "/revoke",
                "{\"source\":\"x\"}").status()).isEqualTo(404);
        assertThat(agencyA.post("/api/v1/accounts/" + accountOfB + "/consents",
                "{\"channel\":\"LETTER\",\"source\":\"x\"}").status()).isEqualTo(404);
        assertThat(agencyA.put("/api/v1/creditors/" + creditorOfB + "/branding", "{\"senderName\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(agencyA.get("/api/v1/audit-events").body()).doesNotContain("SHARED-REF").doesNotContain(accountOfB);
        assertThat(agencyB.get("/api/v1/accounts/" + accountOfB).json().get("consents").get(0).get("inForce").asBoolean())
                .isTrue();
    }

    @Test
    void theSameReferenceInTwoTenantsMakesTwoSeparateAccounts() {
        var placedByA = agencyA.post("/api/v1/accounts",
                SamplePlacements.json("SHARED-REF", "Al", "Adams", "+13015550166", "al@example.com"));
        assertThat(placedByA.status()).isEqualTo(201);
        assertThat(placedByA.json().get("id").asString()).isNotEqualTo(accountOfB);
        assertThat(agencyB.get("/api/v1/accounts/" + accountOfB).json().get("consumer").get("lastName").asString())
                .isEqualTo("Bryant");
    }

    @Test
    void idempotencyKeysOfOneTenantDoNotCollideWithAnothers() {
        assertThat(agencyA.post("/api/v1/accounts", SamplePlacements.json("IDEM-A"), "same-key").status()).isEqualTo(201);
        assertThat(agencyB.post("/api/v1/accounts", SamplePlacements.json("IDEM-B"), "same-key").status()).isEqualTo(201);
    }
}
