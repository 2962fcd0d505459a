package dev.weir.table;

/**
 * DynamoDB's attribute types, by their wire names ({@code S}, {@code N}, ...). The {@code code}
 * is the type's tag in Weir's binary item encoding and must never change once released.
 */
public enum AttributeType {
  S(1),
  N(2),
  B(3),
  BOOL(4),
  NULL(5),
  L(6),
  M(7),
  SS(8),
  NS(9),
  BS(10);

  private final int code;

  AttributeType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Whether a key attribute may have this type (string, number or binary). */
  public boolean isScalarKeyType() {
    return this == S || this == N || this == B;
  }

  /** Whether this is one of the three set types. */
  public boolean isSet() {
    return this == SS || this == NS || this == BS;
  }

  public static AttributeType ofCode(int code) {
    for (AttributeType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new ItemValidationException("unknown attribute type code " + code);
  }

  /** The type named {@code name} as DynamoDB spells it ({@code "S"}, {@code "BOOL"}, ...). */
  public static AttributeType ofName(String name) {
    for (AttributeType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new ItemValidationException(
        "unknown attribute type " + name + " (expected one of S, N, B, BOOL, NULL, L, M, SS, NS,"
            + " BS)");
  }
}
