package io.rapport.messaging;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every 10 seconds, one node retries the messages whose attempt failed or whose hand-over died with its node. */
@Configuration(proxyBeanMethods = false)
class MessageDeliveryJob {

    @Bean
    Task<Void> messageDeliveryRetries(MessageDelivery delivery, Clock clock) {
        return Tasks.recurring("message-delivery-retries", Schedules.fixedDelay(Duration.ofSeconds(10)))
                .execute((instance, context) -> delivery.retryDue(clock.instant()));
    }
}
