package dev.weir.reactive;

import dev.weir.engine.Entry;

/** A pull source of entries for {@link FluxScan}; used by one thread at a time. */
interface Cursor extends AutoCloseable {

  /** The next entry, or {@code null} at the end. */
  Entry next();

  @Override
  void close();
}
