package de.ozgsdk.xoev.internal.xml;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * Keeps a few idle instances of a part that is costly to create and not thread-safe (a JAXP validator handler, a
 * JAXB marshaller), so that a thread-safe writer or reader does not create them per message. An instance is given
 * back only after a successful use; one that saw a failure is dropped.
 */
public final class Pool<T> {

    private final ArrayBlockingQueue<T> idle;
    private final Supplier<T> factory;

    public Pool(int capacity, Supplier<T> factory) {
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.factory = factory;
    }

    /** An idle instance or a new one. */
    public T take() {
        T instance = idle.poll();
        return instance != null ? instance : factory.get();
    }

    /** Gives back an instance after a successful use; dropped when the pool is full. */
    public void give(T instance) {
        idle.offer(instance);
    }
}
