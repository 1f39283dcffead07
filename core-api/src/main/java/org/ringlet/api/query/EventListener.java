package org.ringlet.api.query;

/** Receives pushed events. Must not block; called from the thread that caused the event. */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event event);
}
