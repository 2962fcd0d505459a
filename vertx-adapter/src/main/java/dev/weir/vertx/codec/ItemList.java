package dev.weir.vertx.codec;

import dev.weir.table.Item;
import java.util.Collections;
import java.util.List;

/**
 * Service to client: the items of a batch or transactional get, in request order, null where
 * absent.
 */
public record ItemList(List<Item> items) {

  public ItemList {
    items = Collections.unmodifiableList(items);
  }
}
