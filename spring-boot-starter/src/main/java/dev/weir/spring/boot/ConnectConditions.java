package dev.weir.spring.boot;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether {@code weir.connect.name} names a served store to connect to. */
final class ConnectConditions {

  static final String NAME = "weir.connect.name";

  private ConnectConditions() {}

  static boolean connecting(ConditionContext context) {
    String name = context.getEnvironment().getProperty(NAME);
    return name != null && !name.isBlank();
  }

  /** A served store is named: connect to it. */
  static final class Connecting implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return connecting(context);
    }
  }

  /** No served store is named: open an embedded one. */
  static final class Embedded implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !connecting(context);
    }
  }
}
