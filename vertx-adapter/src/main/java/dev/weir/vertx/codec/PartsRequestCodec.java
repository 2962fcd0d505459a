package dev.weir.vertx.codec;

import dev.weir.reactive.object.PartInfo;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Bucket, upload, part number, then the parts as a count (-1: none) of nullable parts. */
final class PartsRequestCodec extends BinaryCodec<PartsRequest> {

  private static final UploadCodec UPLOAD = new UploadCodec();
  private static final PartInfoCodec PART = new PartInfoCodec();

  PartsRequestCodec() {
    super("weir.parts-request", PartsRequest.class);
  }

  @Override
  void write(Buffer b, PartsRequest m) {
    WireWriter.writeString(b, m.bucket());
    WireWriter.writeBoolean(b, m.upload() != null);
    if (m.upload() != null) {
      UPLOAD.write(b, m.upload());
    }
    b.appendInt(m.partNumber());
    if (m.parts() == null) {
      b.appendInt(-1);
      return;
    }
    b.appendInt(m.parts().size());
    for (PartInfo p : m.parts()) {
      WireWriter.writeBoolean(b, p != null);
      if (p != null) {
        PART.write(b, p);
      }
    }
  }

  @Override
  PartsRequest read(WireReader r) {
    String bucket = r.readString();
    var upload = r.readBoolean() ? UPLOAD.read(r) : null;
    int number = r.readInt();
    List<PartInfo> parts = null;
    int n = r.readCountOrNone(1);
    if (n >= 0) {
      List<PartInfo> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(r.readBoolean() ? PART.read(r) : null);
      }
      parts = Collections.unmodifiableList(list);
    }
    return new PartsRequest(bucket, upload, number, parts);
  }
}
