package dev.weir.table.store;

import dev.weir.engine.Bytes;
import dev.weir.engine.KeyRange;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.KeyAttribute;
import dev.weir.table.codec.KeyBuilder;
import dev.weir.table.codec.KeyCodec;
import dev.weir.table.expression.SortCondition;

/**
 * The engine key range a key condition selects within one partition. Key values are encoded
 * order-preserving and self-delimiting, so "sort key below v" is "keys below enc(v)", "sort key
 * at most v" is "keys below the end of the prefix enc(v)" (which covers the suffixes after it),
 * and {@code begins_with} is the prefix of the value's encoding without its terminator.
 */
final class KeyBounds {

  private KeyBounds() {}

  /** The keys of partition {@code partition} (encoded after {@code base}) meeting {@code sort}. */
  static KeyRange range(Bytes base, KeyAttribute partitionKey, AttributeValue partition,
      KeyAttribute sortKey, SortCondition sort) {
    checkType(partitionKey, partition);
    Bytes prefix = new KeyBuilder().append(base).toBytes();
    KeyBuilder p = new KeyBuilder().append(prefix);
    KeyCodec.append(p, partition);
    Bytes partitionPrefix = p.toBytes();
    if (sort == null) {
      return KeyRange.prefix(partitionPrefix);
    }
    checkType(sortKey, sort.value());
    Bytes at = with(partitionPrefix, sort.value());
    Bytes partitionEnd = end(partitionPrefix);
    switch (sort.op()) {
      case EQ:
        return KeyRange.prefix(at);
      case LT:
        return KeyRange.of(partitionPrefix, at);
      case LE:
        return KeyRange.of(partitionPrefix, end(at));
      case GT:
        return KeyRange.of(end(at), partitionEnd);
      case GE:
        return KeyRange.of(at, partitionEnd);
      case BETWEEN:
        checkType(sortKey, sort.upperOrNull());
        return KeyRange.of(at, end(with(partitionPrefix, sort.upperOrNull())));
      case BEGINS_WITH:
        if (sortKey.type() == AttributeType.N) {
          throw new ExpressionException(
              "begins_with applies to a string or binary sort key; " + sortKey.name() + " is N");
        }
        return KeyRange.prefix(partitionPrefix.concat(KeyCodec.encodePrefix(sort.value())));
      default:
        throw new IllegalStateException("unknown sort key operator " + sort.op());
    }
  }

  private static Bytes with(Bytes prefix, AttributeValue value) {
    KeyBuilder k = new KeyBuilder().append(prefix);
    KeyCodec.append(k, value);
    return k.toBytes();
  }

  /** The first key after every key starting with {@code prefix}. */
  static Bytes end(Bytes prefix) {
    return KeyRange.prefix(prefix).toKey();
  }

  /** The first key after {@code key} itself. */
  static Bytes after(Bytes key) {
    return key.concat(Bytes.wrap(new byte[] {0}));
  }

  private static void checkType(KeyAttribute attribute, AttributeValue value) {
    if (value.type() != attribute.type()) {
      throw new ExpressionException("the key condition compares " + attribute.name() + " (of type "
          + attribute.type() + ") with a value of type " + value.type());
    }
  }
}
