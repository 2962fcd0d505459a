package dev.weir.examples.webflux;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A change to the users, as a server-sent event carries it: {@code put} with the user as
 * stored, {@code delete} (or {@code expire}) with the id alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserChange(String type, String id, User user, long sequence) {}
