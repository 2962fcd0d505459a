package dev.weir.table;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Names the one blocking call the tables module makes: reading the list of DynamoDB's reserved
 * words from its resource, once, the first time an expression is parsed (possibly on a
 * non-blocking thread). Loaded by BlockHound through {@code META-INF/services}; BlockHound is an
 * optional dependency.
 */
public final class TablesBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("dev.weir.table.expression.ReservedWords", "load");
  }
}
