package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.rapport.support.RapportIntegrationTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@RapportIntegrationTest
@TestPropertySource(properties = {"rapport.jobs.enabled=true", "rapport.jobs.polling-seconds=1"})
class JobsRunOnTheSharedDatabase {

    static final CountDownLatch RAN = new CountDownLatch(2);

    @TestConfiguration
    static class AJob {
        @Bean
        RecurringTask<Void> everySecond() {
            return Tasks.recurring("test-every-second", Schedules.fixedDelay(Duration.ofSeconds(1)))
                    .execute((instance, context) -> RAN.countDown());
        }
    }

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecurringJobDeclaredAsABeanIsScheduledInTheTableAndRunsAgainAndAgain() throws InterruptedException {
        assertThat(RAN.await(20, TimeUnit.SECONDS)).as("the job ran twice").isTrue();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'test-every-second'")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
