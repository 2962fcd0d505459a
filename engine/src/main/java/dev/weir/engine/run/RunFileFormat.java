package dev.weir.engine.run;

/**
 * The layout of a run file ({@code 000123.run}): a {@link Run} written once, read back whole
 * at open. All integers are big-endian and fixed-width.
 *
 * <pre>
 *   data block*        entries in the run's order, then a u32 CRC32C of those entry bytes
 *   footer             what the file holds, read first (below)
 *   trailer            32 bytes at the very end (below)
 *
 *   entry:    u32 key length, key, u64 sequence, u8 flags, [u64 expireAt], [u32 value length,
 *             value]; flags: bit 0 = {@link dev.weir.engine.key.ValueKind} code (PUT has a
 *             value, DELETE none), bit 7 = an expireAt follows; other bits zero
 *   footer:   u64 run id, u32 entry count, u64 min sequence, u64 max sequence,
 *             u32 smallest key length (-1 for an empty run), smallest key,
 *             u32 largest key length (-1 likewise), largest key,
 *             u32 block count, u64 offset of each block (a block ends where the next starts,
 *             the last where the footer starts)
 *   trailer:  u64 footer offset, u32 footer length, u32 CRC32C of the footer, u32 format
 *             version, u32 CRC32C of the 20 trailer bytes before it, u64 magic
 * </pre>
 *
 * <p>A block gathers entries until the next would take it past {@value #BLOCK_BYTES} bytes; an
 * entry never spans blocks, so an entry larger than that (a huge value) is a block of its own.
 * Blocks exist for their checksums: a flipped bit is caught and named by the block's offset,
 * and the reader checks one block while the next is still in its buffer. The whole file is read
 * at open (reads are served from memory), so there is no index beyond the offsets.
 *
 * <p>The trailer sits at a fixed place so a reader finds the footer without scanning; its own
 * checksum means a flipped bit in the footer's offset or length is reported as such instead of
 * sending the reader to a wrong place, and the magic number, last, catches a truncated file
 * (whose last bytes are then some other part of it) or a file that is no run at all. The codes
 * in the flags and the version are stored: DO NOT CHANGE them, add new ones.
 */
final class RunFileFormat {

  /** Entries gather into blocks of at most this many bytes, unless one entry alone is larger. */
  static final int BLOCK_BYTES = 64 * 1024;
  /** Bytes after each block's entries: their CRC32C. */
  static final int BLOCK_CRC = 4;
  static final int TRAILER = 32;
  static final long MAGIC = 0x5765_6972_5275_6E46L; // "WeirRunF"
  static final int VERSION = 1;

  static final int FLAG_KIND = 0x01;
  static final int FLAG_EXPIRES = 0x80;

  /** Entry bytes besides the key and value: lengths, sequence, flags, expiry. */
  static final int ENTRY_OVERHEAD = 4 + 8 + 1 + 8 + 4;

  private RunFileFormat() {}
}
