package io.rapport.accounts.web;

import io.rapport.accounts.AccountHistory;
import io.rapport.accounts.AccountId;
import io.rapport.accounts.Accounts;
import io.rapport.consent.ConsentChannel;
import io.rapport.consent.Preferences;
import io.rapport.platform.Actor;
import io.rapport.platform.CurrentActor;
import io.rapport.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The consumer's preferred channel: used when a payment request or bulk send names none. */
@RestController
@Tag(name = "Accounts")
class PreferencesApi {

    private final Accounts accounts;
    private final Preferences preferences;
    private final AccountHistory history;

    PreferencesApi(Accounts accounts, Preferences preferences, AccountHistory history) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.history = history;
    }

    record PreferenceRequest(ConsentChannel preferredChannel, String source) {
    }

    @GetMapping("/api/v1/accounts/{id}/preferences")
    @Operation(summary = "The consumer's preferred channel, 404 when none was stated")
    Preferences.Preference get(@PathVariable String id) {
        AccountId account = AccountId.of(id);
        accounts.require(CurrentActor.tenantId(), account);
        return preferences.of(CurrentActor.tenantId(), account.value()).orElseThrow(() -> new NotFound("preference", account));
    }

    @PutMapping("/api/v1/accounts/{id}/preferences")
    @Operation(summary = "Record the channel the consumer prefers (EMAIL, SMS or LETTER) and where they said so",
            description = "Used when a sender names no channel; opt-outs and missing consents still block that channel.")
    Preferences.Preference put(@PathVariable String id, @RequestBody PreferenceRequest body) {
        Actor by = CurrentActor.get();
        AccountId account = AccountId.of(id);
        accounts.require(by.tenantId(), account);
        Preferences.Preference saved = preferences.prefer(by, account.value(), body.preferredChannel(), body.source());
        history.record(by, account, "preference.changed", "Prefers to be reached by " + saved.preferredChannel().name().toLowerCase()
                + " (" + saved.source() + ")");
        return saved;
    }
}
