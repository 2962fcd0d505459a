package dev.weir.table;

/**
 * A scan: every item of the table or of an index, in key order, narrowed by a filter; one of
 * {@code totalSegments} disjoint segments when scanned in parallel. Immutable.
 */
public final class Scan {

  private final int segment;
  private final int totalSegments;
  private final ReadSpec spec;

  private Scan(Builder b) {
    this.segment = b.segment;
    this.totalSegments = b.totalSegments;
    this.spec = b.spec();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A scan of everything, unfiltered. */
  public static Scan all() {
    return builder().build();
  }

  public int segment() {
    return segment;
  }

  public int totalSegments() {
    return totalSegments;
  }

  public ReadSpec spec() {
    return spec;
  }

  /** This scan resuming after {@code key}, for the next page. */
  public Scan startingAfter(Item key) {
    Builder b = new Builder();
    b.segment = segment;
    b.totalSegments = totalSegments;
    b.copy(spec);
    b.exclusiveStartKey(key);
    return b.build();
  }

  /** Builds a {@link Scan}. Not for concurrent use. */
  public static final class Builder extends ReadSpec.Builder<Builder> {
    /** DynamoDB's bound on parallel scan segments. */
    public static final int MAX_SEGMENTS = 1_000_000;

    private int segment;
    private int totalSegments = 1;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Scans segment {@code segment} of {@code totalSegments} (0-based). */
    public Builder segment(int segment, int totalSegments) {
      if (totalSegments < 1 || totalSegments > MAX_SEGMENTS) {
        throw new ItemValidationException(
            "totalSegments must be 1 to " + MAX_SEGMENTS + ", not " + totalSegments);
      }
      if (segment < 0 || segment >= totalSegments) {
        throw new ItemValidationException(
            "segment must be 0 to " + (totalSegments - 1) + ", not " + segment);
      }
      this.segment = segment;
      this.totalSegments = totalSegments;
      return this;
    }

    public Scan build() {
      return new Scan(this);
    }
  }
}
