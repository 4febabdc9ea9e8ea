package io.rapport.messaging.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An operator who chooses Twilio learns at start-up, by variable name, which setting is missing or wrong. */
class TwilioRefusesToStartWithoutItsSettings {

    private final ApplicationContextRunner twilio = new ApplicationContextRunner()
            .withUserConfiguration(TwilioConfiguration.class)
            .withPropertyValues("rapport.sms.provider=twilio", "rapport.base-url=https://rapport.example");

    @Test
    void withoutAccountTokenAndSenderTheStartStopsNamingEachVariable() {
        twilio.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("RAPPORT_TWILIO_ACCOUNT_SID is required")
                    .hasMessageContaining("RAPPORT_TWILIO_AUTH_TOKEN is required")
                    .hasMessageContaining("RAPPORT_TWILIO_MESSAGING_SERVICE_SID (MG...) or RAPPORT_TWILIO_FROM");
        });
    }

    @Test
    void aSenderThatIsNotAPhoneNumberStopsTheStart() {
        twilio.withPropertyValues("rapport.sms.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                        "rapport.sms.twilio.auth-token=secret", "rapport.sms.twilio.from=Rapport")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("RAPPORT_TWILIO_FROM must be a phone number in E.164"));
    }

    @Test
    void withItsSettingsTwilioIsTheSmsProvider() {
        twilio.withPropertyValues("rapport.sms.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                        "rapport.sms.twilio.auth-token=secret",
                        "rapport.sms.twilio.messaging-service-sid=MG0123456789abcdef0123456789abcdef")
                .run(context -> assertThat(context).hasNotFailed().getBean(TwilioSmsProvider.class)
                        .extracting(TwilioSmsProvider::name).isEqualTo("twilio"));
    }
}
