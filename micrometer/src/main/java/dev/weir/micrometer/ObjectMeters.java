package dev.weir.micrometer;

import dev.weir.reactive.object.BucketStats;
import dev.weir.reactive.object.ObjectStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The object layer's counters summed over every bucket, as gauges: no bucket tag, since bucket
 * names are the application's and would make the series unbounded. Polling reads {@link
 * ObjectStore#stats()}, which also expires stale uploads.
 */
final class ObjectMeters {

  /** The sums of every bucket's {@link BucketStats}. */
  record Totals(long objects, long bytes, long openUploads, long uploadBytes) {
    static final Totals NONE = new Totals(0, 0, 0, 0);

    Totals plus(BucketStats b) {
      return new Totals(objects + b.objects(), bytes + b.bytes(),
          openUploads + b.openUploads(), uploadBytes + b.uploadBytes());
    }
  }

  private final LatestValue<Totals> totals;

  ObjectMeters(ObjectStore objects, Duration maxAge) {
    this.totals = new LatestValue<>(
        () -> objects.stats().reduce(Totals.NONE, Totals::plus), maxAge);
  }

  void bindTo(MeterRegistry registry, Tags tags) {
    gauge(registry, tags, "weir.objects", null, "Objects stored, in every bucket",
        Totals::objects);
    gauge(registry, tags, "weir.objects.size", BaseUnits.BYTES,
        "Bytes of the objects' content", Totals::bytes);
    gauge(registry, tags, "weir.uploads.open", null,
        "Multipart uploads started and neither completed, aborted nor expired",
        Totals::openUploads);
    gauge(registry, tags, "weir.uploads.size", BaseUnits.BYTES,
        "Bytes held by the parts of open uploads", Totals::uploadBytes);
  }

  private void gauge(MeterRegistry registry, Tags tags, String name, String unit,
      String description, ToDoubleFunction<Totals> value) {
    Gauge.builder(name, totals, latest -> {
          Totals t = latest.get();
          return t == null ? Double.NaN : value.applyAsDouble(t);
        })
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
