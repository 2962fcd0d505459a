package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.Page;
import dev.weir.table.ReadSpec;
import dev.weir.table.Table;
import dev.weir.table.TableStore;
import dev.weir.table.codec.ItemSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * DynamoDB's ExecuteStatement with {@code Limit} and {@code NextToken}: one page of a planned
 * statement. A QUERY or SCAN is one {@code queryPage} or {@code scanPage} of the store (at most
 * the limit of items evaluated, at most 1 MB), resumed after the key the token carries; a GET
 * is one page, never continued. A {@code pk IN [...]} reads its partitions in turn into one page
 * while the limit lasts and the page is under 1 MB; the token names the partition to go on with.
 * A write runs as it would unpaged; its page holds what RETURNING asked for.
 */
final class Pages {

  /** DynamoDB's bound on the data one page reads. */
  static final int PAGE_BYTES = 1024 * 1024;

  private Pages() {}

  /** What one read of one partition (or of a scan) gave: its items, how many it evaluated. */
  private record Part(List<Item> items, int evaluated, Item lastKey) {}

  static Mono<StatementPage> run(TableStore tables, Planned plan,
      List<AttributeValue> parameters, ExecuteOptions options, String text) {
    if (options.limit() != null && options.limit() < 1) {
      return Mono.error(new ExpressionException("Limit must be at least 1, not "
          + options.limit()));
    }
    if (!(plan.statement() instanceof ParsedStatement.Select)) {
      if (options.nextToken() != null) {
        return Mono.error(new ExpressionException("a NextToken goes on with a SELECT; "
            + plan.describe() + " is not one"));
      }
      return Executions.run(tables, plan, parameters).collectList()
          .map(items -> new StatementPage(items, null));
    }
    NextToken.Position at = NextToken.read(options.nextToken(), text);
    int limit = options.limit() == null ? ReadSpec.NO_LIMIT : options.limit();
    Table table = tables.table(plan.statement().target().table());
    if (!plan.readsSeveralPartitions()) {
      if (at.partition() != 0) {
        return Mono.error(new ExpressionException("invalid NextToken: this statement reads"
            + " one partition, the token names partition " + at.partition()));
      }
      return part(table, plan, parameters, limit, at.lastKey()).map(p -> new StatementPage(
          p.items(), p.lastKey() == null ? null : NextToken.write(text, 0, p.lastKey())));
    }
    List<AttributeValue> values = Reads.partitions(plan, parameters);
    if (at.partition() >= values.size()) {
      return Mono.error(new ExpressionException("invalid NextToken: the statement reads "
          + values.size() + " partitions, the token names partition " + at.partition()));
    }
    return partitions(table, plan, parameters, values, at, limit, new ArrayList<>(), 0, text);
  }

  /** Reads partition {@code at} and, while limit and bytes last, the next ones into {@code page}. */
  private static Mono<StatementPage> partitions(Table table, Planned plan,
      List<AttributeValue> parameters, List<AttributeValue> values, NextToken.Position at,
      int limit, List<Item> page, long bytes, String text) {
    Planned one = plan.withPartitionValue(new Expr.Literal(values.get(at.partition())));
    return part(table, one, parameters, limit, at.lastKey()).flatMap(p -> {
      page.addAll(p.items());
      if (p.lastKey() != null) {
        return done(page, NextToken.write(text, at.partition(), p.lastKey()));
      }
      int next = at.partition() + 1;
      if (next == values.size()) {
        return done(page, null);
      }
      long size = bytes;
      for (Item item : p.items()) {
        size += ItemSize.of(item);
      }
      int left = limit == ReadSpec.NO_LIMIT ? limit : limit - p.evaluated();
      if (left < 1 || size >= PAGE_BYTES) {
        return done(page, NextToken.write(text, next, null));
      }
      return partitions(table, plan, parameters, values, new NextToken.Position(next, null),
          left, page, size, text);
    });
  }

  private static Mono<StatementPage> done(List<Item> items, String token) {
    return Mono.just(new StatementPage(items, token));
  }

  /** One page of one GET, QUERY or SCAN. */
  private static Mono<Part> part(Table table, Planned plan, List<AttributeValue> parameters,
      int limit, Item start) {
    if (plan.kind() == Plan.Kind.GET) {
      if (start != null) {
        return Mono.error(new ExpressionException("invalid NextToken: a SELECT of one item by"
            + " its key has one page"));
      }
      return Reads.run(table, plan, parameters).collectList()
          .map(items -> new Part(items, 1, null));
    }
    Reads.Request r = Reads.request(plan, parameters, limit, start);
    Mono<Page> page = r.query() != null ? table.queryPage(r.query()) : table.scanPage(r.scan());
    return page.map(p -> new Part(r.after() == null ? p.items() : after(p.items(), r.after()),
        p.scannedCount(), p.lastEvaluatedKey()));
  }

  private static List<Item> after(List<Item> items, Function<Item, Optional<Item>> after) {
    List<Item> kept = new ArrayList<>(items.size());
    items.forEach(item -> after.apply(item).ifPresent(kept::add));
    return kept;
  }
}
