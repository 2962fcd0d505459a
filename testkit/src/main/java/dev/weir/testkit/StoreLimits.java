package dev.weir.testkit;

import dev.weir.engine.EngineConfig;

/**
 * The limits a store under test enforces. The bad-input cases probe each limit exactly at and
 * one past it, so the suite must know them rather than guess.
 */
public record StoreLimits(int maxKeySize, int maxValueSize, int maxBatchOps) {

  public static StoreLimits of(EngineConfig config) {
    return new StoreLimits(config.maxKeySize(), config.maxValueSize(), config.maxBatchOps());
  }
}
