package dev.weir.examples.webflux;

/** A user as the API takes and gives it, and as it is stored (JSON). */
public record User(String id, String name, String email) {

  /** The same user under {@code id} (the path's id wins over the body's). */
  User withId(String id) {
    return new User(id, name, email);
  }
}
