package io.rapport.compliance;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable job that sends scheduled validation notices, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class ValidationNoticeJob {

    @Bean
    RecurringTask<Void> sendScheduledValidationNotices(ValidationNoticeDelivery delivery, Clock clock,
            @Value("${rapport.validation-notices.every-minutes:5}") long minutes) {
        return Tasks.recurring("validation-notices", Schedules.fixedDelay(Duration.ofMinutes(minutes)))
                .execute((instance, context) -> delivery.sendDue(clock.instant()));
    }
}
