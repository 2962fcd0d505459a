package dev.weir.engine.version;

/**
 * What replaying a manifest found.
 *
 * @param state the state after every intact record
 * @param records the intact records replayed
 * @param tornTail the partial last record cut off, or null when the file ended on a record
 */
public record ManifestReplay(ManifestState state, long records, TornTail tornTail) {

  /**
   * A last record that was not written whole, so never acknowledged: ignored, and gone once
   * the store starts a new manifest.
   */
  public record TornTail(long offset, long bytes, String why) {}
}
