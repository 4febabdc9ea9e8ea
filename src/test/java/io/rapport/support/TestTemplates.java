package io.rapport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Creates a message template over the API for a test, with a unique name. */
public final class TestTemplates {

    private TestTemplates() {
    }

    /** @param subject the email subject, or {@code null} for a text or letter; @return the template's id */
    public static UUID create(ApiClient api, String creditorId, String channel, String body, String subject) {
        ApiClient.Response created = api.post("/api/v1/templates", "{\"creditorId\": \"" + creditorId + "\", \"channel\": \""
                + channel + "\", \"language\": \"en\", \"name\": \"Test " + UUID.randomUUID() + "\", "
                + (subject == null ? "" : "\"subject\": \"" + subject + "\", ") + "\"body\": \"" + body + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
