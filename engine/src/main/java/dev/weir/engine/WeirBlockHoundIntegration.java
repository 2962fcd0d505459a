package dev.weir.engine;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound that engine threads must never block, and names the few places they may:
 * the compactor's idle wait for its next task and, in durable mode, its writing of run files
 * and the manifest; and the WAL thread's wait for work and its file
 * I/O (its open, group commit, idle sync, segment release and close; never the completions
 * it runs). Loaded by
 * BlockHound through {@code META-INF/services}; BlockHound is an optional dependency.
 *
 * <p>BlockHound does not count {@code FileChannel} I/O as blocking, so this marks it: a file
 * read, write, truncate or fsync that escapes onto an event loop or an engine thread's fast
 * path is caught, and the WAL thread's own I/O is checked to happen only where allowed.
 */
public final class WeirBlockHoundIntegration implements BlockHoundIntegration {

  private static final String WAL_WRITER = "dev.weir.engine.wal.WalWriter";
  private static final String FILE_CHANNEL = "sun.nio.ch.FileChannelImpl";

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.nonBlockingThreadPredicate(current -> current.or(t -> t instanceof EngineThread));
    builder.allowBlockingCallsInside(
        "dev.weir.engine.compaction.CompactorThread", "awaitWork");
    // durable mode: the compactor writes runs and the manifest, and deletes removed runs' files
    builder.allowBlockingCallsInside("dev.weir.engine.compaction.Compactor", "persist");
    builder.allowBlockingCallsInside("dev.weir.engine.compaction.Compactor", "deleteRemovedFiles");
    for (String method : new String[] {
        "awaitWork", "openLog", "commitGroup", "syncIdle", "closeLog", "deleteSegments"}) {
      builder.allowBlockingCallsInside(WAL_WRITER, method);
    }
    builder.markAsBlocking(FILE_CHANNEL, "force", "(Z)V");
    builder.markAsBlocking(FILE_CHANNEL, "write", "(Ljava/nio/ByteBuffer;)I");
    builder.markAsBlocking(FILE_CHANNEL, "write", "(Ljava/nio/ByteBuffer;J)I");
    builder.markAsBlocking(FILE_CHANNEL, "read", "(Ljava/nio/ByteBuffer;)I");
    builder.markAsBlocking(FILE_CHANNEL, "read", "(Ljava/nio/ByteBuffer;J)I");
    builder.markAsBlocking(FILE_CHANNEL, "truncate", "(J)Ljava/nio/channels/FileChannel;");
  }
}
