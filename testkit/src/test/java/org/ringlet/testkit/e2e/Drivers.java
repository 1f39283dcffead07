package org.ringlet.testkit.e2e;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/** Java driver sessions as an application would open them, with timeouts generous enough for a busy CI machine. */
final class Drivers {
    private Drivers() {
    }

    static CqlSession connect(List<InetSocketAddress> contactPoints, String localDatacenter) {
        return connect(contactPoints, localDatacenter, options -> { }, session -> { });
    }

    /**
     * A session with further driver options (e.g. the protocol version or compression) and builder settings (e.g. a
     * schema change listener).
     */
    static CqlSession connect(List<InetSocketAddress> contactPoints, String localDatacenter,
                              Consumer<ProgrammaticDriverConfigLoaderBuilder> options,
                              Consumer<CqlSessionBuilder> session) {
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30));
        options.accept(config);
        CqlSessionBuilder builder = CqlSession.builder().addContactPoints(contactPoints)
                .withLocalDatacenter(localDatacenter).withConfigLoader(config.build());
        session.accept(builder);
        return builder.build();
    }
}
