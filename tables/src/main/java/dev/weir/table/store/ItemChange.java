package dev.weir.table.store;

import dev.weir.table.Item;

/**
 * What one write does to one item, as a function of the item as it is: the new item, {@code
 * null} to remove it, or {@code current} itself to leave it (a condition check). Throws {@link
 * dev.weir.table.ConditionFailedException} when its condition is false, or a validation error;
 * then nothing is written. Runs on a snapshot and may run again if the item changed meanwhile,
 * so it must have no side effects.
 */
@FunctionalInterface
interface ItemChange {

  /** {@code current} is null when the item is absent or expired. */
  Item apply(Item current, long nowEpochSeconds);
}
