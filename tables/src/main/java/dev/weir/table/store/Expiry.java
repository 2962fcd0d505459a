package dev.weir.table.store;

import dev.weir.table.AttributeValue;
import dev.weir.table.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When an item expires, from its TTL attribute (a number of epoch seconds; any other type, or
 * none, never expires). Kept as the first whole second at which the item is expired, {@code
 * floor(ttl) + 1}: an item is expired once its TTL is in the past (DynamoDB: "less than the
 * current time"), so at second {@code now} it is expired when {@code now >= expiry}.
 */
final class Expiry {

  static final long NEVER = Long.MAX_VALUE;

  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE - 1);
  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private Expiry() {}

  static long of(String ttlAttribute, Item item) {
    if (ttlAttribute == null || item == null) {
      return NEVER;
    }
    AttributeValue v = item.get(ttlAttribute);
    if (!(v instanceof AttributeValue.NumberValue n)) {
      return NEVER;
    }
    BigDecimal ttl = n.value();
    if (ttl.compareTo(MAX) >= 0) {
      return NEVER;
    }
    if (ttl.compareTo(MIN) <= 0) {
      return Long.MIN_VALUE;
    }
    return ttl.setScale(0, RoundingMode.FLOOR).longValueExact() + 1;
  }

  static boolean isExpired(long expiry, long nowEpochSeconds) {
    return expiry != NEVER && nowEpochSeconds >= expiry;
  }
}
