package org.ringlet.node.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringlet.api.Service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleManagerTest {
    private final List<String> events = new ArrayList<>();
    private final LifecycleManager lifecycle = new LifecycleManager("test node");

    private Service service(String name, boolean failStart, boolean failStop) {
        return new Service() {
            @Override
            public void start() {
                events.add("start " + name);
                if (failStart) {
                    throw new IllegalStateException(name + " cannot start");
                }
            }

            @Override
            public void stop() {
                events.add("stop " + name);
                if (failStop) {
                    throw new IllegalStateException(name + " cannot stop");
                }
            }

            @Override
            public String serviceName() {
                return name;
            }
        };
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        Service a = service("a", false, false);
        lifecycle.register(a);
        lifecycle.register(service("b", false, false));
        lifecycle.register(a);
        assertEquals(LifecycleState.LATENT, lifecycle.state());
        lifecycle.start();
        assertEquals(LifecycleState.STARTED, lifecycle.state());
        lifecycle.stop();
        lifecycle.stop();
        assertEquals(LifecycleState.STOPPED, lifecycle.state());
        assertEquals(List.of("start a", "start b", "stop b", "stop a"), events, "a registered twice runs once");
    }

    @Test
    void aFailedStartStopsWhatStartedAndKeepsTheRollbackFailures() {
        lifecycle.register(service("a", false, true));
        lifecycle.register(service("b", false, false));
        lifecycle.register(service("c", true, false));
        lifecycle.register(service("d", false, false));
        LifecycleException e = assertThrows(LifecycleException.class, lifecycle::start);
        assertEquals(List.of("start a", "start b", "start c", "stop b", "stop a"), events);
        assertTrue(e.getMessage().contains("c failed to start"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getMessage().contains("a cannot stop"));
        assertEquals(LifecycleState.STOPPED, lifecycle.state());
    }

    @Test
    void stopAsksEveryServiceAndReportsAllFailures() {
        lifecycle.register(service("a", false, true));
        lifecycle.register(service("b", false, true));
        lifecycle.register(service("c", false, false));
        lifecycle.start();
        LifecycleException e = assertThrows(LifecycleException.class, lifecycle::stop);
        assertEquals(List.of("start a", "start b", "start c", "stop c", "stop b", "stop a"), events);
        assertTrue(e.getMessage().contains("b failed to stop"));
        assertEquals(1, e.getSuppressed().length);
        assertEquals(LifecycleState.STOPPED, lifecycle.state());
    }

    @Test
    void registrationClosesAtStartAndRestartIsRefused() {
        lifecycle.start();
        assertThrows(IllegalStateException.class, () -> lifecycle.register(service("late", false, false)));
        lifecycle.stop();
        assertThrows(IllegalStateException.class, lifecycle::start);
    }
}
