package dev.weir.table.expression;

/** Which expression a text is, named as DynamoDB names it in its error messages. */
enum ExpressionKind {
  CONDITION("ConditionExpression"),
  UPDATE("UpdateExpression"),
  PROJECTION("ProjectionExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  DOCUMENT_PATH("document path");

  private final String label;

  ExpressionKind(String label) {
    this.label = label;
  }

  /** The prefix of every error about an expression of this kind. */
  String invalid() {
    return "Invalid " + label + ": ";
  }
}
