package dev.weir.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring WebFlux application on a Weir store: users ({@link UserController}), their changes
 * as server-sent events, and files with ranged downloads ({@link FileController}).
 *
 * <p>Run it with {@code ./mvnw -B -pl examples/webflux-app -am verify -DskipTests -Drun}.
 */
@SpringBootApplication
public class WebfluxApp {

  public static void main(String[] args) {
    SpringApplication.run(WebfluxApp.class, args);
  }
}
