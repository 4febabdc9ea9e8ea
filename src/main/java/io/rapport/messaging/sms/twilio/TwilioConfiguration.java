package io.rapport.messaging.sms.twilio;

import com.twilio.http.TwilioRestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Twilio as the SMS provider ({@code rapport.sms.provider=twilio}). The REST client is Rapport's own, built from
 * these settings, not the SDK's process-wide {@code Twilio.init}: nothing else in the process can change its
 * credentials or address.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapport.sms.provider", havingValue = "twilio")
@EnableConfigurationProperties(TwilioSettings.class)
class TwilioConfiguration {

    @Bean
    TwilioRestClient twilioRestClient(TwilioSettings settings) {
        TwilioSettings checked = settings.checked();
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(checked.accountSid(), checked.authToken())
                .accountSid(checked.accountSid());
        if (checked.apiBaseUrl() != null) {
            builder.httpClient(new TwilioApiAddress(checked.apiBaseUrl()));
        }
        return builder.build();
    }

    @Bean
    TwilioSmsProvider twilioSmsProvider(TwilioRestClient client, TwilioSettings settings,
            @Value("${rapport.base-url}") String publicBaseUrl) {
        return new TwilioSmsProvider(client, settings, publicBaseUrl);
    }

    @Bean
    TwilioSignatures twilioSignatures(TwilioSettings settings, @Value("${rapport.base-url}") String publicBaseUrl) {
        return new TwilioSignatures(settings.checked(), publicBaseUrl);
    }
}
