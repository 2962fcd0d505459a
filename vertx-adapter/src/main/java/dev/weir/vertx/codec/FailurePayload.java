package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import dev.weir.table.CancellationReason;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.TransactionCanceledException;
import dev.weir.table.partiql.PartiqlSyntaxException;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a table's exception carries beyond its code and message, so the client rebuilds it
 * whole: a failed condition's old item, a cancelled transaction's reasons (code, message and
 * old item per request), an expression's syntax error position and token, a PartiQL syntax
 * error's position, token, line and column. Travels in a {@link WeirFailure} or a stream's
 * ending {@link StreamFrame}; the failure's detail says which layout it is.
 */
public final class FailurePayload {

  /** DO NOT REORDER: positions are wire codes. */
  private static final CancellationReason.Code[] REASONS = {CancellationReason.Code.NONE,
      CancellationReason.Code.CONDITIONAL_CHECK_FAILED, CancellationReason.Code.VALIDATION_ERROR,
      CancellationReason.Code.TRANSACTION_CONFLICT, CancellationReason.Code.DUPLICATE_ITEM};

  private FailurePayload() {}

  /** The payload of {@code e}, or null when its code, detail and message say it all. */
  public static Bytes of(Throwable e) {
    Buffer b = Buffer.buffer();
    if (e instanceof ConditionFailedException c && c.oldItem().isPresent()) {
      TableWire.writeItem(b, c.oldItem().get());
    } else if (e instanceof TransactionCanceledException t) {
      b.appendInt(t.reasons().size());
      for (CancellationReason r : t.reasons()) {
        TableWire.writeCode(b, REASONS, r.code());
        WireWriter.writeString(b, r.message());
        TableWire.writeItem(b, r.item());
      }
    } else if (e instanceof PartiqlSyntaxException x) {
      b.appendInt(x.position());
      WireWriter.writeString(b, x.token());
      b.appendInt(x.line()).appendInt(x.column());
    } else if (e instanceof ExpressionException x && x.position() >= 0) {
      b.appendInt(x.position());
      WireWriter.writeString(b, x.token());
    } else {
      return null;
    }
    return Bytes.wrap(b.getBytes());
  }

  public static ConditionFailedException conditionFailed(String message, Bytes payload) {
    Item old = payload == null ? null : read(payload, TableWire::readItem);
    return new ConditionFailedException(message, old);
  }

  public static TransactionCanceledException canceled(String message, Bytes payload) {
    List<CancellationReason> reasons = new ArrayList<>();
    if (payload != null) {
      read(payload, r -> {
        int n = r.readCount(9);
        for (int i = 0; i < n; i++) {
          reasons.add(new CancellationReason(TableWire.readCode(r, REASONS, "reason"),
              r.readString(), TableWire.readItem(r)));
        }
        return reasons;
      });
    }
    return new TransactionCanceledException(reasons);
  }

  /**
   * The expression error of {@code message}; a syntax error's message ends with the position
   * and token its constructor appended, taken off again here so it is not appended twice.
   */
  public static ExpressionException expression(String message, Bytes payload) {
    return syntaxError(message, payload, r -> {
      int position = r.readInt();
      String token = r.readRequiredString("token");
      String suffix = where(position, token);
      return message.endsWith(suffix)
          ? new ExpressionException(message.substring(0, message.length() - suffix.length()),
              position, token)
          : null;
    });
  }

  /**
   * The PartiQL syntax error of {@code message}, rebuilt from its parts so that its message
   * comes out the same.
   */
  public static ExpressionException partiqlSyntax(String message, Bytes payload) {
    return syntaxError(message, payload, r -> {
      int position = r.readInt();
      String token = r.readRequiredString("token");
      int line = r.readInt();
      int column = r.readInt();
      String prefix = "Statement wasn't well formed: ";
      String suffix = " at line " + line + ", column " + column + where(position, token);
      if (!message.startsWith(prefix) || !message.endsWith(suffix)
          || message.length() < prefix.length() + suffix.length()) {
        return null;
      }
      return new PartiqlSyntaxException(message.substring(prefix.length(),
          message.length() - suffix.length()), position, line, column, token);
    });
  }

  /** What {@code ExpressionException}'s constructor appends to a syntax error's message. */
  private static String where(int position, String token) {
    return " at position " + position
        + (token.isEmpty() ? " (end of input)" : ", near \"" + token + "\"");
  }

  /**
   * The syntax error {@code rebuild} makes of {@code payload}; an expression error with the
   * message as it is when there is no payload or its parts do not make the message (another
   * shape: rebuild answers null).
   */
  private static ExpressionException syntaxError(String message, Bytes payload,
      Read<ExpressionException> rebuild) {
    ExpressionException e = payload == null ? null : read(payload, rebuild);
    return e == null ? new ExpressionException(message) : e;
  }

  private interface Read<T> {
    T read(WireReader r);
  }

  private static <T> T read(Bytes payload, Read<T> read) {
    Buffer buffer = Buffer.buffer(payload.toByteArray());
    WireReader r = new WireReader(buffer, 0, buffer.length());
    T value = read.read(r);
    r.expectEnd();
    return value;
  }
}
