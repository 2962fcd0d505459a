package dev.weir.table.store;

import dev.weir.table.Item;

/** An item before and after a write that happened; either may be null (absent). */
record WriteOutcome(Item before, Item after) {}
