package dev.weir.engine.key;

import java.util.Arrays;
import java.util.Comparator;

/** The one key order of the store: unsigned lexicographic bytes. */
public final class KeyOrder {

  public static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

  private KeyOrder() {}

  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /**
   * The smallest key greater than every key that starts with {@code prefix}, or {@code null}
   * when there is none (the prefix is empty or all {@code 0xFF}).
   */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  /** Whether {@code key} lies in {@code [from, to)}; a {@code null} bound is open. */
  public static boolean inRange(byte[] key, byte[] from, byte[] to) {
    return (from == null || compare(key, from) >= 0) && (to == null || compare(key, to) < 0);
  }

  /**
   * The last index of {@code sortedKeys} whose key is at most {@code key}, or -1: in a level's
   * ascending smallest keys, the one run that may hold {@code key}.
   */
  public static int floor(byte[][] sortedKeys, byte[] key) {
    int lo = 0;
    int hi = sortedKeys.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(sortedKeys[mid], key) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
