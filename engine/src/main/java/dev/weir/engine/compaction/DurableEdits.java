package dev.weir.engine.compaction;

import dev.weir.engine.WeirException;
import dev.weir.engine.version.VersionFiles;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * What the compactor of a durable store needs besides memory: where edits are written, how far
 * the log has made writes durable (a flush never writes a sequence the log could still lose),
 * the log's truncation once runs hold everything up to a sequence, and the fail-stop switch for
 * a manifest that could not be written.
 *
 * @param files the run files and manifest, used only on the compactor's thread
 * @param durableSeq the last sequence the log has made durable, or -1 once it has failed
 * @param flushedThrough called after a flush's record is durable in the manifest
 * @param failStop called once when the manifest's state on disk is unknown
 */
public record DurableEdits(
    VersionFiles files,
    LongSupplier durableSeq,
    LongConsumer flushedThrough,
    Consumer<WeirException> failStop) {}
