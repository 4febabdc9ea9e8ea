package io.rapport.campaigns;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring jobs that keep payment requests on time: reminders and expiry, every minute by default. */
@Configuration(proxyBeanMethods = false)
class PaymentRequestJobs {

    @Bean
    RecurringTask<Void> paymentRequestReminders(PaymentRequestDeadlines deadlines, Clock clock,
            @Value("${rapport.payment-requests.check-every:PT1M}") Duration every) {
        return Tasks.recurring("payment-request-reminders", Schedules.fixedDelay(every))
                .execute((instance, context) -> deadlines.remindDue(clock.instant()));
    }

    @Bean
    RecurringTask<Void> paymentRequestExpiry(PaymentRequestDeadlines deadlines, Clock clock,
            @Value("${rapport.payment-requests.check-every:PT1M}") Duration every) {
        return Tasks.recurring("payment-request-expiry", Schedules.fixedDelay(every))
                .execute((instance, context) -> deadlines.expireDue(clock.instant()));
    }
}
