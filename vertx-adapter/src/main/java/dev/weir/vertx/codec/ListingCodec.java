package dev.weir.vertx.codec;

import dev.weir.reactive.object.Listing;
import dev.weir.reactive.object.ObjectInfo;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/** The objects, the common prefixes, the truncation flag and where the next page starts. */
final class ListingCodec extends BinaryCodec<Listing> {

  private static final ObjectInfoCodec INFO = new ObjectInfoCodec();

  ListingCodec() {
    super("weir.listing", Listing.class);
  }

  @Override
  void write(Buffer b, Listing m) {
    b.appendInt(m.objects().size());
    m.objects().forEach(o -> INFO.write(b, o));
    b.appendInt(m.commonPrefixes().size());
    m.commonPrefixes().forEach(p -> WireWriter.writeString(b, p));
    WireWriter.writeBoolean(b, m.truncated());
    WireWriter.writeString(b, m.nextStartAfter());
  }

  @Override
  Listing read(WireReader r) {
    int n = r.readCount(4);
    List<ObjectInfo> objects = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      objects.add(INFO.read(r));
    }
    int p = r.readCount(4);
    List<String> prefixes = new ArrayList<>(p);
    for (int i = 0; i < p; i++) {
      prefixes.add(r.readRequiredString("common prefix"));
    }
    boolean truncated = r.readBoolean();
    return new Listing(objects, prefixes, truncated, r.readString());
  }
}
