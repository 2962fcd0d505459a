package dev.weir.vertx;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The two-node cluster that the clustered test classes share: started for the first class that
 * asks for it (a parameter of its {@code @BeforeAll}) and ended once the whole run is over, as
 * a resource of JUnit's root store. Starting a node takes seconds; classes that kill nodes start
 * clusters of their own.
 */
final class SharedCluster implements ParameterResolver {

  /** A store node and a client node of one cluster. */
  record Pair(Vertx storeNode, Vertx clientNode) {}

  private static final class Running implements AutoCloseable {
    private final Nodes.Cluster cluster = new Nodes.Cluster();
    private final Pair pair = new Pair(cluster.start(), cluster.start());

    @Override
    public void close() {
      cluster.stopAll();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Pair.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class).pair;
  }
}
