package io.rapport.messaging.sms;

import io.rapport.messaging.spi.SmsProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses to start with an SMS provider this version does not have, saying so, rather than
 * failing later on a missing bean or sending nothing. The providers it has: {@code sandbox}
 * ({@link SandboxSmsProvider}) and {@code twilio} ({@link io.rapport.messaging.sms.twilio.TwilioSmsProvider}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${rapport.sms.provider:sandbox}'.matches('sandbox|twilio')")
class SmsProviderSelection {

    @Bean
    SmsProvider unavailableSmsProvider(@Value("${rapport.sms.provider}") String provider) {
        throw new IllegalStateException("RAPPORT_SMS_PROVIDER=" + provider + " is not available in this version of Rapport: "
                + "set it to 'sandbox' (texts appear in the console's text outbox) or 'twilio' (with RAPPORT_TWILIO_*)");
    }
}
