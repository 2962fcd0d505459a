package dev.weir.table;

/** What a table's stream records carry (DynamoDB's StreamViewType, plus OFF: no stream). */
public enum StreamView {
  OFF,
  KEYS_ONLY,
  NEW_IMAGE,
  OLD_IMAGE,
  NEW_AND_OLD_IMAGES;

  public boolean carriesOld() {
    return this == OLD_IMAGE || this == NEW_AND_OLD_IMAGES;
  }

  public boolean carriesNew() {
    return this == NEW_IMAGE || this == NEW_AND_OLD_IMAGES;
  }
}
