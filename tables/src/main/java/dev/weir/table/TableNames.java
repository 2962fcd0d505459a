package dev.weir.table;

/** DynamoDB's rule for table and index names: 3 to 255 of {@code a-z A-Z 0-9 _ - .}. */
final class TableNames {

  private TableNames() {}

  static String check(String name, String what) {
    if (name == null) {
      throw new ItemValidationException(what + " must not be null");
    }
    if (name.length() < 3 || name.length() > 255) {
      throw new ItemValidationException(
          what + " must be 3 to 255 characters long, not " + name.length() + ": \""
              + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\"");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '.';
      if (!ok) {
        throw new ItemValidationException(
            what + " may hold only a-z, A-Z, 0-9, '_', '-' and '.': \"" + name
                + "\" has '" + c + "' at " + i);
      }
    }
    return name;
  }
}
