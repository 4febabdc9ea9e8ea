package io.rapport.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable job scheduler every node runs on the shared database (db-scheduler): a module
 * declares its jobs as {@link Task} beans (recurring ones start themselves), and each execution
 * is picked by exactly one node; a job missed while every node was down runs when one starts.
 * Turned off with {@code rapport.jobs.enabled=false} (the tests drive jobs directly).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapport.jobs.enabled", havingValue = "true", matchIfMissing = true)
class Jobs {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler jobScheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans,
            @Value("${rapport.jobs.polling-seconds:5}") int pollingSeconds,
            @Value("${rapport.jobs.threads:4}") int threads) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        // Recurring jobs schedule their first run themselves; the raw list satisfies the builder's
        // "Task and OnStartup" bound, which no Java type can name.
        // The builder registers start tasks itself, so they are not passed twice.
        List startTasks = new ArrayList<>(tasks.stream().filter(OnStartup.class::isInstance).toList());
        List<Task<?>> otherTasks = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(dataSource, otherTasks)
                .startTasks(startTasks)
                .pollingInterval(Duration.ofSeconds(pollingSeconds))
                .threads(threads)
                .build();
    }

    @Bean
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    /** Starts polling once the application is up and stops before the database goes away. */
    private static final class SchedulerLifecycle implements SmartLifecycle {
        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
