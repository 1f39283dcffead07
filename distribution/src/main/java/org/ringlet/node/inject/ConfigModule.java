package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import org.ringlet.node.config.ClusterConfig;
import org.ringlet.node.config.ComponentConfigs;
import org.ringlet.node.config.ComponentsConfig;
import org.ringlet.node.config.LoadedConfig;
import org.ringlet.node.config.LocationConfig;
import org.ringlet.node.config.NativeProtocolConfig;
import org.ringlet.node.config.NetworkConfig;
import org.ringlet.node.config.NodeConfig;
import org.ringlet.node.config.RequestConfig;
import org.ringlet.node.config.SecurityConfig;
import org.ringlet.node.config.StorageConfig;

import static java.util.Objects.requireNonNull;

/**
 * Binds the loaded configuration: {@link NodeConfig}, each of its parts, and the {@link ComponentConfigs} that
 * components are created with.
 */
public final class ConfigModule extends AbstractModule {
    private final LoadedConfig loaded;

    public ConfigModule(LoadedConfig loaded) {
        this.loaded = requireNonNull(loaded, "loaded is null");
    }

    @Override
    protected void configure() {
        NodeConfig config = loaded.config();
        bind(LoadedConfig.class).toInstance(loaded);
        bind(NodeConfig.class).toInstance(config);
        bind(ClusterConfig.class).toInstance(config.cluster());
        bind(LocationConfig.class).toInstance(config.location());
        bind(NetworkConfig.class).toInstance(config.network());
        bind(StorageConfig.class).toInstance(config.storage());
        bind(RequestConfig.class).toInstance(config.requests());
        bind(SecurityConfig.class).toInstance(config.security());
        bind(NativeProtocolConfig.class).toInstance(config.protocol());
        bind(ComponentsConfig.class).toInstance(config.components());
        bind(ComponentConfigs.class).toInstance(new ComponentConfigs(config));
    }
}
