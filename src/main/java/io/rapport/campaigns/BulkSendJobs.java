package io.rapport.campaigns;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring job that resumes bulk sends whose node stopped, on whichever node runs it first. */
@Configuration(proxyBeanMethods = false)
class BulkSendJobs {

    @Bean
    RecurringTask<Void> bulkSendResumption(BulkSends bulkSends, Clock clock,
            @Value("${rapport.bulk-sends.check-every:PT1M}") Duration every) {
        return Tasks.recurring("bulk-send-resumption", Schedules.fixedDelay(every))
                .execute((instance, context) -> bulkSends.resumeStale(clock.instant()));
    }
}
