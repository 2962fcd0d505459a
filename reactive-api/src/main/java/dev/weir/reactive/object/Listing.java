package dev.weir.reactive.object;

import java.util.List;

/**
 * One page of a listing, as S3's {@code ListObjectsV2}: objects in key order, the common
 * prefixes ("directories") that a delimiter rolled up, and whether more follow.
 *
 * @param objects the objects of this page, ascending by key (UTF-8 byte order)
 * @param commonPrefixes each distinct key prefix up to and including the first delimiter after
 *     the listing prefix, ascending; empty without a delimiter
 * @param truncated whether the listing stopped at its limit with more keys left
 * @param nextStartAfter when truncated, the value to pass as {@code startAfter} for the next
 *     page; otherwise null
 */
public record Listing(
    List<ObjectInfo> objects,
    List<String> commonPrefixes,
    boolean truncated,
    String nextStartAfter) {

  public Listing {
    objects = List.copyOf(objects);
    commonPrefixes = List.copyOf(commonPrefixes);
  }
}
