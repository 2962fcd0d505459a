package dev.weir.cli;

import dev.weir.table.AttributeType;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.SecondaryIndex;
import dev.weir.table.TableDescription;
import dev.weir.table.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code table create|describe|list|drop}: the tables of the store, through the session's
 * {@link dev.weir.table.TableStore}. A table is created in one line, keys as {@code name:TYPE}:
 *
 * <pre>
 *   table create orders customer:S order:N gsi by-status status:S order:N lsi by-total total:N ttl expires
 * </pre>
 *
 * the partition key, an optional sort key, then any number of {@code gsi <index> <pk:T>
 * [<sk:T>]} and {@code lsi <index> <sk:T>} (indexes project every attribute) and at most one
 * {@code ttl <attribute>}. Each answer tells completion what it learned of the tables.
 */
final class TableCommands {

  static final List<String> SUBCOMMANDS = List.of("create", "describe", "list", "drop");

  static final String USAGE = "table create|describe|list|drop [name] [keys and indexes]";

  private TableCommands() {}

  static void addTo(CommandTable table) {
    table.add(Command.of(USAGE, "create, describe, list or drop tables (see below)", 1, 64,
        TableCommands::run));
  }

  private static Result run(Session s, Args a) {
    String sub = a.token(0).text().toLowerCase(Locale.ROOT);
    if (sub.equals("list")) {
      requireArgs(a, 1, 1, "table list");
      return list(s);
    }
    if (sub.equals("create")) {
      return create(s, a);
    }
    if (sub.equals("describe")) {
      requireArgs(a, 2, 2, "table describe <name>");
      return describe(s, a.token(1).text());
    }
    if (sub.equals("drop")) {
      requireArgs(a, 2, 2, "table drop <name>");
      String name = a.token(1).text();
      Await.value(s.tables().deleteTable(name));
      s.hints().dropped(name);
      return Result.ok("dropped table " + name);
    }
    throw new ShellException("unknown table command '" + a.token(0).text()
        + "' (use create, describe, list or drop)");
  }

  private static Result list(Session s) {
    List<String> names = Await.all(s.tables().listTables());
    s.hints().tables(names);
    List<List<Object>> rows = new ArrayList<>();
    names.forEach(name -> rows.add(List.of(name)));
    return new Result.Rows(List.of("table"), rows, "",
        names.size() + (names.size() == 1 ? " table" : " tables"));
  }

  private static Result create(Session s, Args a) {
    if (a.size() < 3) {
      throw new ShellException("usage: " + CREATE_USAGE);
    }
    TableSchema schema = schema(a);
    Await.value(s.tables().createTable(schema));
    s.hints().schema(schema);
    return Result.ok("created table " + schema.name());
  }

  static final String CREATE_USAGE = "table create <name> <pk:TYPE> [<sk:TYPE>]"
      + " [gsi <index> <pk:TYPE> [<sk:TYPE>]]... [lsi <index> <sk:TYPE>]... [ttl <attribute>]";

  /** The schema {@code table create} describes; refuses anything else with the usage. */
  static TableSchema schema(Args a) {
    TableSchema.Builder b = TableSchema.builder(a.token(1).text());
    KeyAttribute pk = key(a, 2);
    b.partitionKey(pk.name(), pk.type());
    int i = 3;
    if (i < a.size() && a.token(i).text().contains(":")) {
      KeyAttribute sk = key(a, i++);
      b.sortKey(sk.name(), sk.type());
    }
    boolean ttl = false;
    while (i < a.size()) {
      String clause = a.token(i).text().toLowerCase(Locale.ROOT);
      if (clause.equals("gsi") && i + 2 < a.size()) {
        String index = a.token(i + 1).text();
        KeyAttribute ipk = key(a, i + 2);
        i += 3;
        KeySchema key = KeySchema.of(ipk);
        if (i < a.size() && a.token(i).text().contains(":")) {
          key = KeySchema.of(ipk, key(a, i++));
        }
        b.globalIndex(index, key, Projection.all());
      } else if (clause.equals("lsi") && i + 2 < a.size()) {
        b.localIndex(a.token(i + 1).text(), key(a, i + 2), Projection.all());
        i += 3;
      } else if (clause.equals("ttl") && i + 1 < a.size() && !ttl) {
        b.ttl(a.token(i + 1).text());
        ttl = true;
        i += 2;
      } else {
        throw new ShellException("unexpected '" + a.token(i).text() + "'; usage: "
            + CREATE_USAGE);
      }
    }
    return b.build();
  }

  /** {@code name:TYPE}, TYPE one of S, N, B (any case). */
  private static KeyAttribute key(Args a, int index) {
    String text = a.token(index).text();
    int colon = text.lastIndexOf(':');
    String type = colon < 0 ? "" : text.substring(colon + 1).toUpperCase(Locale.ROOT);
    if (colon <= 0 || !(type.equals("S") || type.equals("N") || type.equals("B"))) {
      throw new ShellException("bad key '" + text + "': write name:TYPE, TYPE one of S"
          + " (string), N (number), B (binary)");
    }
    return new KeyAttribute(text.substring(0, colon), AttributeType.valueOf(type));
  }

  private static Result describe(Session s, String name) {
    TableDescription d = Await.value(s.tables().describeTable(name));
    TableSchema schema = d.schema();
    s.hints().schema(schema);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("table", schema.name());
    fields.put("key", key(schema.key()));
    for (SecondaryIndex index : schema.indexes()) {
      fields.put((index.isLocal() ? "lsi " : "gsi ") + index.name(), key(index.key()) + ", "
          + d.indexItemCounts().getOrDefault(index.name(), 0L) + " items");
    }
    schema.ttlAttributeIfAny().ifPresent(ttl -> fields.put("ttl", ttl));
    fields.put("items", d.itemCount());
    fields.put("bytes", d.sizeBytes());
    return new Result.Fields(fields);
  }

  /** {@code pk:S sk:N}, as {@code table create} takes it. */
  private static String key(KeySchema key) {
    return key.partitionKey().name() + ":" + key.partitionKey().type()
        + key.sortKeyIfAny().map(k -> " " + k.name() + ":" + k.type()).orElse("");
  }

  private static void requireArgs(Args a, int min, int max, String usage) {
    if (a.size() < min || a.size() > max) {
      throw new ShellException("usage: " + usage);
    }
  }
}
