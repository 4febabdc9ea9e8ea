package io.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.TransactionMemo;
import io.rapport.support.ApiClient;
import io.rapport.support.RapportIntegrationTest;
import io.rapport.support.SamplePlacements;
import io.rapport.support.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch (a bulk send's rows in one transaction) reads its accounts with one query per table and then finds each
 * from memory: what it finds is what a plain read finds, an account of another tenant stays invisible, and a change
 * the batch makes to an account is seen by its next read.
 */
@RapportIntegrationTest
class ABatchReadsItsAccountsOnceAndSeesItsOwnChanges {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountHolds holds;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPreloadedAccountIsTheSameAsOneReadAloneUntilTheBatchChangesIt() {
        TestTenants.TestTenant tenant = tenants.create("Batch reads");
        TestTenants.TestTenant other = tenants.create("Batch reads, other tenant");
        ApiClient api = new ApiClient(port, tenant.apiKey());
        AccountId ana = id(api, "BATCH-ANA");
        AccountId ben = id(api, "BATCH-BEN");
        AccountId elsewhere = id(new ApiClient(port, other.apiKey()), "BATCH-OTHER");
        AccountDetails anaAlone = accounts.find(tenant.id(), ana).orElseThrow();
        AccountDetails benAlone = accounts.find(tenant.id(), ben).orElseThrow();

        transactions.executeWithoutResult(tx -> {
            TransactionMemo.open();
            Map<AccountId, AccountDetails> loaded = accounts.preload(tenant.id(), List.of(ana, ben, elsewhere, ana));

            assertThat(loaded).containsOnlyKeys(ana, ben);
            assertThat(accounts.find(tenant.id(), ana)).contains(anaAlone);
            assertThat(accounts.find(tenant.id(), ben)).contains(benAlone);
            assertThat(accounts.find(tenant.id(), elsewhere)).as("another tenant's account").isEmpty();
            assertThat(accounts.findByReferences(tenant.id(), List.of("BATCH-ANA", "BATCH-OTHER", "NO-SUCH")))
                    .containsOnly(Map.entry("BATCH-ANA", ana));

            holds.place(tenant.system(), ana, null, HoldKind.CEASE, "the consumer asked us to stop");

            assertThat(accounts.find(tenant.id(), ana).orElseThrow().holds())
                    .as("the batch sees the hold it placed").extracting(AccountDetails.Hold::kind).contains(HoldKind.CEASE);
            assertThat(accounts.find(tenant.id(), ben)).contains(benAlone);
        });
        assertThat(accounts.find(tenant.id(), ana).orElseThrow().holds()).extracting(AccountDetails.Hold::kind)
                .contains(HoldKind.CEASE);
    }

    private static AccountId id(ApiClient api, String ref) {
        ApiClient.Response placed = api.post("/api/v1/accounts", SamplePlacements.json(ref));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return new AccountId(UUID.fromString(placed.json().get("id").asString()));
    }
}
