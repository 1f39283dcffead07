package org.ringlet.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.MissingServiceException;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.EventListener;
import org.ringlet.api.query.QueryHandlerFactory;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.TestRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CqlQueryHandlerFactoryTest {

    @Test
    void isFoundByServiceLoader() {
        List<QueryHandlerFactory> found = ServiceLoader.load(QueryHandlerFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        assertEquals("cql", found.get(0).name());
        assertEquals(8, found.get(0).requiredServices().size());
        assertThrows(MissingServiceException.class, () -> found.get(0).create(ComponentConfig.empty(),
                TestRuntime.context(Map.of())));
    }

    @Test
    void advertisesCassandrasCqlVersionAndStopsSendingEventsToRemovedListeners() {
        CqlTestNode node = CqlTestNode.start();
        assertEquals(Map.of("CQL_VERSION", List.of("3.4.7")), node.handler.supportedOptions());
        List<Event> events = new ArrayList<>();
        EventListener listener = events::add;
        node.handler.addEventListener(listener);
        node.execute("CREATE KEYSPACE a WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.handler.removeEventListener(listener);
        node.execute("CREATE KEYSPACE b WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        assertEquals(1, events.size());
    }
}
