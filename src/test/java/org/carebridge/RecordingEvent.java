package org.carebridge;

import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

/**
 * A CDI event for services built by hand in plain JUnit tests: it keeps what was fired for tests
 * that check it and, when built with an observer, hands each event to it at once (as a
 * synchronous CDI observer would be called).
 */
public final class RecordingEvent<T> implements Event<T> {

    private final java.util.List<T> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.function.Consumer<? super T> observer;

    public RecordingEvent() {
        this(event -> { });
    }

    public RecordingEvent(java.util.function.Consumer<? super T> observer) {
        this.observer = observer;
    }

    public java.util.List<T> fired() {
        return java.util.List.copyOf(fired);
    }

    @Override
    public void fire(T event) {
        fired.add(event);
        observer.accept(event);
    }

    /** Asynchronous observers are run at once here: tests see the outcome without waiting. */
    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        fire(event);
        return java.util.concurrent.CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        return (Event<U>) this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        return (Event<U>) this;
    }
}
