package dev.weir.cli;

import dev.weir.engine.CorruptionException;
import dev.weir.engine.EngineConfig;
import dev.weir.engine.wal.SyncPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import reactor.core.Exceptions;

/**
 * The options of a durable store, a picocli mixin of {@code weir shell} (a directory or a
 * {@code file://} DSN) and {@code weir serve --dir}: when its log is synced, and whether a
 * damaged log is salvaged. Also what a user can do about a store that does not open.
 */
final class DurableOptions {

  @Option(names = "--sync", paramLabel = "POLICY",
      description = "For a durable store, when its log is synced to the disk: always (the"
          + " default: a write is acknowledged once it is on the disk), none (when the"
          + " operating system likes), or an ISO-8601 interval such as PT1S (at most one sync"
          + " per interval: a power cut may lose that much, a crash of the process nothing).")
  String sync;

  @Option(names = "--salvage",
      description = "For a durable store whose log is damaged: open it anyway, keeping the"
          + " log's longest valid prefix and dropping the rest (without it, such a store does"
          + " not open).")
  boolean salvage;

  /** Whether either option was given. */
  boolean given() {
    return sync != null || salvage;
  }

  /** The log's sync policy; a bad {@code --sync} is an {@code InvalidArgumentException}. */
  SyncPolicy syncPolicy() {
    return sync == null ? SyncPolicy.ALWAYS : SyncPolicy.parse(sync);
  }

  /** A durable store in {@code dir} with these options. */
  EngineConfig.Builder applyTo(EngineConfig.Builder config, Path dir) {
    return config.directory(dir).syncPolicy(syncPolicy()).salvage(salvage);
  }

  /** {@code dsn} with these options added to its query (it checks them as it opens). */
  String addTo(String dsn) {
    List<String> options = new ArrayList<>();
    if (sync != null) {
      options.add("sync=" + sync);
    }
    if (salvage) {
      options.add("salvage=true");
    }
    return options.isEmpty() ? dsn
        : dsn + (dsn.contains("?") ? "&" : "?") + String.join("&", options);
  }

  /**
   * What to add to the one-line message of a store that did not open: for a damaged log, how
   * to open it anyway; otherwise nothing (a locked directory's message says to close it).
   */
  static String advice(Throwable failure) {
    return Exceptions.unwrap(failure) instanceof CorruptionException
        ? "; to open it anyway, keeping the log's valid prefix: --salvage" : "";
  }
}
