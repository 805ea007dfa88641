package org.despin.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks on a fixed number of worker threads behind a bounded queue. A full queue is an
 * immediate 429 (back-pressure instead of unbounded memory); a job not finished within the
 * time limit, queueing included, completes with a {@link TimeoutException} and is interrupted.
 */
final class WorkQueue implements AutoCloseable {
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final Duration timeLimit;
    private final int retryAfterSeconds;

    WorkQueue(int workerThreads, int capacity, Duration timeLimit, int retryAfterSeconds) {
        this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), threads("despin-worker-"), new ThreadPoolExecutor.AbortPolicy());
        this.timer = new ScheduledThreadPoolExecutor(1, threads("despin-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.timeLimit = timeLimit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Queues a job; throws 429 at once when the queue is full. */
    <T> CompletableFuture<T> submit(Callable<T> job) throws HttpError {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = workers.submit(() -> {
                try {
                    result.complete(job.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new HttpError(429, "the server is busy: " + workers.getQueue().size()
                    + " checks are waiting; retry in " + retryAfterSeconds + " s",
                    Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.completeExceptionally(new TimeoutException())) {
                task.cancel(true);
                workers.remove((Runnable) task); // free its queue slot at once if it never started
            }
        }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, t) -> deadline.cancel(false));
        return result;
    }

    Duration timeLimit() {
        return timeLimit;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
