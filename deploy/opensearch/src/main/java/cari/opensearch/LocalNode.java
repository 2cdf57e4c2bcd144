package cari.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch 2.19.6 node in this JVM, built from the Maven Central jars with the netty4
 * transport and the common analysis plugin on the classpath (no distribution, no plugin
 * folder). Bound to 127.0.0.1 only. Arguments:
 *
 *   LocalNode NAME HOME HTTP_PORT TRANSPORT_PORT SEED_PORTS(comma) MANAGER_NAMES(comma)
 *
 * The node runs until the JVM is stopped (SIGTERM closes it cleanly; SIGKILL is what the
 * fault-tolerance test sends).
 */
public final class LocalNode {

    /** Node with classpath plugins: the public constructor only loads plugins from folders. */
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println(
                "usage: LocalNode NAME HOME HTTP_PORT TRANSPORT_PORT SEED_PORTS MANAGER_NAMES");
            System.exit(2);
        }
        String name = args[0];
        Path home = Path.of(args[1]).toAbsolutePath();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));
        List<String> seeds = new java.util.ArrayList<>();
        for (String port : args[4].split(",")) {
            seeds.add("127.0.0.1:" + port.trim());
        }
        Settings settings = Settings.builder()
            .put("cluster.name", "cari-dev")
            .put("node.name", name)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", args[2])
            .put("transport.port", args[3])
            .putList("discovery.seed_hosts", seeds)
            .putList("cluster.initial_cluster_manager_nodes", List.of(args[5].split(",")))
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // A development cluster on a shared disk: do not turn read-only when it fills.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", false)
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), config, () -> name);
        List<Class<? extends Plugin>> plugins = List.of(Netty4Plugin.class, CommonAnalysisPlugin.class);
        Node node = new ClasspathNode(environment, plugins);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("closing node: " + e);
            }
        }));
        node.start();
        System.out.println("node " + name + " started on http://127.0.0.1:" + args[2]);
        Thread.currentThread().join();
    }

    private LocalNode() {
    }
}
