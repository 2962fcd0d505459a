package dev.weir.reactive.object;

import java.time.Instant;

/** A bucket's name and when it was created, by the store clock. */
public record BucketInfo(String name, Instant created) {}
