package io.rapport.messaging.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue of work in memory and the threads that take it in batches: each thread takes everything waiting, up to the
 * batch size, and hands it to the work as one list. What is added together is taken together when it fits in one
 * batch. Work that throws is logged and dropped from memory: what it was about must stay recoverable elsewhere (for
 * messages, their lease in the database).
 *
 * @param <T> one item of work
 */
public final class Lane<T> {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    private final String name;
    private final int batchSize;
    private final Consumer<List<T>> work;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closing;

    public Lane(String name, int threads, int batchSize, Consumer<List<T>> work) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException(name + ": needs at least one thread and a batch of at least one");
        }
        this.name = name;
        this.batchSize = batchSize;
        this.work = work;
        for (int i = 1; i <= threads; i++) {
            Thread thread = new Thread(this::run, name + "-" + i);
            thread.setDaemon(true);
            this.threads.add(thread);
            thread.start();
        }
    }

    public void addAll(Collection<? extends T> items) {
        if (items.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            queue.addAll(items);
            waiting.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many items wait for a thread. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes no more work once the queue is empty and waits for the threads to finish, at most until {@code deadline};
     * what is still queued then is left undone.
     *
     * @return whether every thread finished in time
     */
    public boolean close(Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            closing = true;
            waiting.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread thread : threads) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            thread.join(Math.max(1, left.toMillis()));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private void run() {
        List<T> batch;
        while ((batch = next()) != null) {
            try {
                work.accept(batch);
            } catch (RuntimeException e) {
                log.warn("{}: a batch of {} failed: {}", name, batch.size(), e.toString());
            }
        }
    }

    /** @return the next batch, or {@code null} once the lane is closing and nothing is left */
    private List<T> next() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) {
                    return null;
                }
                waiting.await();
            }
            List<T> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            while (batch.size() < batchSize && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }
}
