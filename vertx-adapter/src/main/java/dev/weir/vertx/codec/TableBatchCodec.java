package dev.weir.vertx.codec;

import dev.weir.table.KeyRef;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.WriteRequest;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The table, then each list as a count (-1: none) and its members; a member may be null (the
 * store refuses it). Kinds travel as explicit codes.
 */
final class TableBatchCodec extends BinaryCodec<TableBatch> {

  /** DO NOT REORDER: positions are wire codes. */
  private static final WriteRequest.Kind[] WRITE_KINDS =
      {WriteRequest.Kind.PUT, WriteRequest.Kind.DELETE};
  private static final TransactWriteItem.Kind[] TRANSACT_KINDS = {
      TransactWriteItem.Kind.CONDITION_CHECK, TransactWriteItem.Kind.PUT,
      TransactWriteItem.Kind.UPDATE, TransactWriteItem.Kind.DELETE};

  TableBatchCodec() {
    super("weir.table-batch", TableBatch.class);
  }

  @Override
  void write(Buffer b, TableBatch m) {
    WireWriter.writeString(b, m.table());
    writeList(b, m.writes(), (buf, w) -> {
      WireWriter.writeString(buf, w.table());
      TableWire.writeCode(buf, WRITE_KINDS, w.kind());
      TableWire.writeItem(buf, w.item());
    });
    writeList(b, m.keys(), (buf, k) -> {
      WireWriter.writeString(buf, k.table());
      TableWire.writeItem(buf, k.key());
      OptionsWire.writeGetOptions(buf, k.options());
    });
    writeList(b, m.transact(), (buf, t) -> {
      TableWire.writeCode(buf, TRANSACT_KINDS, t.kind());
      WireWriter.writeString(buf, t.table());
      TableWire.writeItem(buf, t.item());
      WireWriter.writeString(buf, OptionsWire.text(t.updateText(), t.update()));
      OptionsWire.writeWriteOptions(buf, t.options());
    });
  }

  @Override
  TableBatch read(WireReader r) {
    String table = r.readString();
    List<WriteRequest> writes = readList(r, x -> new WriteRequest(
        x.readRequiredString("table"), TableWire.readCode(x, WRITE_KINDS, "write kind"),
        TableWire.readRequiredItem(x, "item")));
    List<KeyRef> keys = readList(r, x -> new KeyRef(x.readRequiredString("table"),
        TableWire.readRequiredItem(x, "key"), OptionsWire.readGetOptions(x)));
    List<TransactWriteItem> transact = readList(r, x -> new TransactWriteItem(
        TableWire.readCode(x, TRANSACT_KINDS, "transaction kind"), x.readRequiredString("table"),
        TableWire.readRequiredItem(x, "item"), x.readString(), null,
        OptionsWire.readWriteOptions(x)));
    return new TableBatch(table, writes, keys, transact);
  }

  private static <T> void writeList(Buffer b, List<T> list, BiConsumer<Buffer, T> member) {
    if (list == null) {
      b.appendInt(-1);
      return;
    }
    b.appendInt(list.size());
    for (T t : list) {
      WireWriter.writeBoolean(b, t != null);
      if (t != null) {
        member.accept(b, t);
      }
    }
  }

  private static <T> List<T> readList(WireReader r, Function<WireReader, T> member) {
    int n = r.readCountOrNone(1);
    if (n < 0) {
      return null;
    }
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(r.readBoolean() ? member.apply(r) : null);
    }
    return list;
  }
}
