package io.rapport.compliance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gate the application uses: default caps and the state overlays shipped with Rapport. */
@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    ContactGate contactGate() {
        return new ContactGate(GateSettings.defaults(), StateOverlays.standard());
    }
}
