package dev.weir.vertx.codec;

import dev.weir.engine.Bytes;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * A failure reply that names an exception kind finer than its code (a {@code NotFoundException}
 * of kind {@code BUCKET}, a {@code BucketNotEmptyException}...). To anyone reading the bus it is
 * an ordinary {@link ReplyException}: a recipient failure whose code is the {@code
 * WeirException} code and whose message is the exception's; {@link #detail()} is what a Weir
 * client adds to rebuild the exact kind, and {@link #store()} tells which store answered. Vert.x sends a {@code ReplyException} subclass with the
 * default codec registered for it, so the detail survives the cluster.
 */
public final class WeirFailure extends ReplyException {

  private final int detail;
  private final String store;
  private final Bytes payload;

  public WeirFailure(int code, int detail, String message) {
    this(code, detail, message, null);
  }

  /** {@code store}: the identity of the store that failed, or null when not known. */
  public WeirFailure(int code, int detail, String message, String store) {
    this(code, detail, message, store, null);
  }

  /**
   * {@code payload}: what the exception carries beyond its message, in the layout its detail
   * names (see {@link FailurePayload}), or null.
   */
  public WeirFailure(int code, int detail, String message, String store, Bytes payload) {
    super(ReplyFailure.RECIPIENT_FAILURE, code, message, true);
    this.detail = detail;
    this.store = store;
    this.payload = payload;
  }

  /** The same failure, said to come from {@code store}. */
  public WeirFailure from(String store) {
    return new WeirFailure(failureCode(), detail, getMessage(), store, payload);
  }

  /** What the exception carries beyond its message (a table's old item...), or null. */
  public Bytes payload() {
    return payload;
  }

  public int detail() {
    return detail;
  }

  /** The identity of the store that failed (see {@code StoreIdentity}), or null. */
  public String store() {
    return store;
  }

  @Override
  public String toString() {
    return super.toString() + " [detail " + detail
        + (store == null ? "" : ", store " + store) + "]";
  }
}
