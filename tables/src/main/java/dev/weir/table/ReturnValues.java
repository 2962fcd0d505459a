package dev.weir.table;

/**
 * What a write returns (DynamoDB's ReturnValues): nothing, the whole item before or after, or
 * only the attributes the update touched, before or after. Put and delete allow NONE and
 * ALL_OLD; update allows all five.
 */
public enum ReturnValues {
  NONE,
  ALL_OLD,
  UPDATED_OLD,
  ALL_NEW,
  UPDATED_NEW
}
