package dev.weir.table.partiql;

import dev.weir.engine.WeirException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.codec.ItemCodec;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A page's NextToken: where the next page of a SELECT starts. Opaque to callers; base64url of a
 * format byte, the hash of the statement's text (so a token given with another statement is
 * refused), the partition to read (the index into a {@code pk IN [...]} list, else 0) and the
 * last key evaluated in it (the tables' binary item form), absent when that partition is read
 * from its start. {@code String.hashCode} is the same in every JVM, so a token made by a
 * served store is good at the same store after its node restarted.
 */
final class NextToken {

  private static final byte FORMAT = 1;

  /** Where a page starts: a partition, after {@code lastKey} in it (null: from its start). */
  record Position(int partition, Item lastKey) {
    static final Position START = new Position(0, null);
  }

  private NextToken() {}

  static String write(String statement, int partition, Item lastKey) {
    byte[] key = lastKey == null ? new byte[0] : ItemCodec.encode(lastKey);
    ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + 1 + key.length);
    b.put(FORMAT).putInt(statement.hashCode()).putInt(partition)
        .put((byte) (lastKey == null ? 0 : 1)).put(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** The position {@code token} names; the start for null; refused if not this statement's. */
  static Position read(String token, String statement) {
    if (token == null) {
      return Position.START;
    }
    ByteBuffer b;
    try {
      b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
    } catch (IllegalArgumentException e) {
      throw invalid("not base64url");
    }
    if (b.remaining() < 10 || b.get() != FORMAT) {
      throw invalid("not a token of this store's making");
    }
    if (b.getInt() != statement.hashCode()) {
      throw invalid("it belongs to another statement; a NextToken goes on only the statement"
          + " whose page gave it");
    }
    int partition = b.getInt();
    byte hasKey = b.get();
    if (partition < 0 || hasKey > 1 || hasKey < 0 || hasKey == 0 && b.hasRemaining()) {
      throw invalid("malformed");
    }
    if (hasKey == 0) {
      return new Position(partition, null);
    }
    try {
      return new Position(partition, ItemCodec.decode(b.array(), b.position(), b.remaining()));
    } catch (WeirException e) {
      throw invalid("malformed key");
    }
  }

  private static ExpressionException invalid(String why) {
    return new ExpressionException("invalid NextToken: " + why);
  }
}
