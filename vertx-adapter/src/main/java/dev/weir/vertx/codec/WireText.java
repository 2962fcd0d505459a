package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;

/**
 * A request holding text, which the wire encodes as UTF-8 and refuses when it is not valid
 * UTF-16 (a lone surrogate would otherwise become '?' and alias another key). The client checks
 * before sending: a clustered bus encodes after the send has returned, where a refusal would be
 * a lost message and a timeout instead of the caller's {@link InvalidArgumentException}.
 */
public interface WireText {

  /** Throws {@link InvalidArgumentException} naming the first field the wire would refuse. */
  void checkText();

  static void check(String field, String value) {
    if (value != null) {
      Bytes.utf8(value, field);
    }
  }
}
