package org.despin.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * A push-style reader (despin's readers call a sink for each document or sentence) turned into
 * the iterator a Spark task returns: the reader runs on its own thread and fills a short queue
 * that the task drains, so nothing is held beyond the queue and reading overlaps the task's work.
 * A reader that fails makes the iterator fail with its exception; a task that ends early stops
 * the reader.
 */
final class Pulled<T> implements Iterator<T>, AutoCloseable {
    /** Writes items into a sink; may block while the queue is full. */
    @FunctionalInterface
    interface Producer<T> {
        void run(Sink<T> sink) throws Exception;
    }

    @FunctionalInterface
    interface Sink<T> {
        void put(T item) throws InterruptedException;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile Exception failure;
    private Object next;

    Pulled(String name, int readAhead, Producer<T> producer) {
        queue = new ArrayBlockingQueue<>(readAhead);
        thread = new Thread(() -> {
            try {
                try {
                    producer.run(queue::put);
                } catch (InterruptedException e) {
                    return; // closed: the task is over
                } catch (Exception e) {
                    failure = e;
                }
                queue.put(END);
            } catch (InterruptedException e) {
                // closed while handing over the end
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) t -> close());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }
        if (next == END && failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = (T) next;
        next = null;
        return item;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
