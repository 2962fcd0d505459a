package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import java.util.List;

/**
 * Service to client: the next items of stream {@code stream}, in order, and possibly its end.
 * An ending frame completes the stream when {@code errorCode} is 0, and otherwise fails it with
 * the exception that the code and {@code errorDetail} name (the detail as in {@link
 * WeirFailure}), with what {@code errorPayload} carries (see {@link FailurePayload}; null when
 * nothing). The items are all of {@code kind}.
 */
public record StreamFrame(long stream, Kind kind, List<?> items, boolean end, int errorCode,
    int errorDetail, String errorMessage, Bytes errorPayload) {

  /** What a stream carries. The codes travel on the wire: DO NOT CHANGE them. */
  public enum Kind {
    ENTRY(1),
    KEY_VERSION(2),
    CHANGE(3),
    /** Pieces of an object's content ({@code ByteBuffer}s). */
    BUFFER(4),
    BUCKET(5),
    OBJECT(6),
    BUCKET_STATS(7),
    PART(8),
    UPLOAD(9),
    /** A table's items ({@code Item}s of a query or scan). */
    ITEM(10),
    STREAM_RECORD(11),
    TABLE_NAME(12);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    static Kind ofCode(int code) {
      for (Kind k : values()) {
        if (k.code == code) {
          return k;
        }
      }
      throw WireReader.malformed("stream kind " + code);
    }
  }

  public static StreamFrame items(long stream, Kind kind, List<?> items) {
    return new StreamFrame(stream, kind, items, false, 0, 0, null, null);
  }

  public StreamFrame ending(int errorCode, int errorDetail, String errorMessage) {
    return ending(errorCode, errorDetail, errorMessage, null);
  }

  public StreamFrame ending(int errorCode, int errorDetail, String errorMessage,
      Bytes errorPayload) {
    return new StreamFrame(stream, kind, items, true, errorCode, errorDetail, errorMessage,
        errorPayload);
  }
}
