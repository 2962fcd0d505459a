package dev.weir.table;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of one item, in a table's stream: its sequence (resume with {@code sequence + 1}),
 * what happened, the item's key attributes, and the images the table's stream view asks for.
 * A removal by TTL says so ({@code removedByTtl}), as DynamoDB marks it with its service
 * identity. Immutable.
 */
public record StreamRecord(
    long sequence,
    EventType eventType,
    Item keys,
    Item oldImage,
    Item newImage,
    boolean removedByTtl) {

  /** DynamoDB's event names. */
  public enum EventType {
    INSERT,
    MODIFY,
    REMOVE
  }

  public StreamRecord {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(keys, "keys");
  }

  public Optional<Item> oldImageIfAny() {
    return Optional.ofNullable(oldImage);
  }

  public Optional<Item> newImageIfAny() {
    return Optional.ofNullable(newImage);
  }
}
