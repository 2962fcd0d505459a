package dev.weir.table.partiql;

import dev.weir.table.AttributeValue;
import dev.weir.table.CancellationReason;
import dev.weir.table.ExpressionException;
import dev.weir.table.Item;
import dev.weir.table.KeyRef;
import dev.weir.table.ReturnValues;
import dev.weir.table.TableStore;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.TransactionCanceledException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DynamoDB's ExecuteTransaction: statements that are all writes (INSERT, UPDATE, DELETE, and
 * {@code EXISTS(SELECT ...)} condition checks) run as one {@code transactWrite}, all or nothing;
 * statements that are all SELECTs by full primary key run as one {@code transactGet}, at one
 * snapshot. Every statement is parsed, planned and bound before anything runs, so a statement
 * that is malformed, names an unknown table or misses its key fails the whole transaction with
 * nothing written. A cancelled transaction gives each INSERT whose key was taken DynamoDB's
 * reason {@code DuplicateItem}; a write's RETURNING is refused (the transaction returns no
 * items for writes).
 */
final class Transactions {

  /** DynamoDB's bound on the statements of one transaction. */
  static final int MAX_STATEMENTS = 100;

  private Transactions() {}

  /** A statement planned with its parameters. */
  record Bound(Planned plan, List<AttributeValue> parameters) {}

  static Mono<List<Optional<Item>>> execute(TableStore tables, List<Statement> statements) {
    return Mono.defer(() -> {
      if (statements == null || statements.isEmpty() || statements.size() > MAX_STATEMENTS) {
        return Mono.error(new ExpressionException("a transaction has 1 to " + MAX_STATEMENTS
            + " statements, not " + (statements == null ? 0 : statements.size())));
      }
      return Flux.fromIterable(statements).concatMap(s -> bind(tables, s)).collectList()
          .flatMap(bound -> run(tables, bound));
    });
  }

  static Mono<Bound> bind(TableStore tables, Statement s) {
    return Mono.defer(() -> {
      PreparedStatement prepared = PartiQL.prepare(tables, s.text());
      List<AttributeValue> params = prepared.checked(s.parameters());
      return prepared.plan().map(p -> new Bound(p, params));
    });
  }

  private static Mono<List<Optional<Item>>> run(TableStore tables, List<Bound> bound) {
    boolean reads = bound.get(0).plan().statement() instanceof ParsedStatement.Select;
    for (Bound b : bound) {
      boolean read = b.plan().statement() instanceof ParsedStatement.Select;
      if (read != reads) {
        throw new ExpressionException("a transaction's statements are all reads or all writes");
      }
      if (read && (b.plan().kind() != Plan.Kind.GET || b.plan().readsSeveralPartitions())) {
        throw new ExpressionException("a transaction reads items by their full primary key; "
            + b.plan().describe() + " is not one");
      }
      if (returning(b.plan().statement()) != ReturnValues.NONE) {
        throw new ExpressionException("a transaction's writes return nothing: RETURNING is for"
            + " a statement run on its own (" + b.plan().describe() + ")");
      }
    }
    return reads ? get(tables, bound) : write(tables, bound);
  }

  private static Mono<List<Optional<Item>>> get(TableStore tables, List<Bound> bound) {
    List<KeyRef> keys = new ArrayList<>(bound.size());
    for (Bound b : bound) {
      keys.add(KeyRef.of(b.plan().statement().target().table(),
          KeyValues.key(b.plan(), b.parameters())));
    }
    return tables.transactGet(keys).map(items -> {
      List<Optional<Item>> results = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        Bound b = bound.get(i);
        results.add(items.get(i).flatMap(Reads.afterRead(b.plan(), b.parameters())));
      }
      return results;
    });
  }

  private static Mono<List<Optional<Item>>> write(TableStore tables, List<Bound> bound) {
    List<TransactWriteItem> items = new ArrayList<>(bound.size());
    for (Bound b : bound) {
      items.add(WriteCall.of(b.plan(), b.parameters()).transactItem());
    }
    return tables.transactWrite(items)
        .onErrorMap(TransactionCanceledException.class, e -> withDuplicates(e, bound))
        .then(Mono.fromSupplier(() -> Collections.nCopies(bound.size(), Optional.<Item>empty())));
  }

  /**
   * {@code e} with DynamoDB's {@code DuplicateItem} as the reason of each INSERT whose
   * condition failed: an INSERT's only condition is that no item has its key.
   */
  private static TransactionCanceledException withDuplicates(TransactionCanceledException e,
      List<Bound> bound) {
    List<CancellationReason> reasons = new ArrayList<>(e.reasons());
    boolean changed = false;
    for (int i = 0; i < reasons.size() && i < bound.size(); i++) {
      CancellationReason r = reasons.get(i);
      if (bound.get(i).plan().kind() == Plan.Kind.INSERT
          && r.code() == CancellationReason.Code.CONDITIONAL_CHECK_FAILED) {
        String table = bound.get(i).plan().statement().target().table();
        reasons.set(i, new CancellationReason(CancellationReason.Code.DUPLICATE_ITEM,
            WriteCall.duplicate(table).getMessage(), r.item()));
        changed = true;
      }
    }
    return changed ? new TransactionCanceledException(reasons) : e;
  }

  private static ReturnValues returning(ParsedStatement s) {
    if (s instanceof ParsedStatement.Update u) {
      return u.returning();
    }
    return s instanceof ParsedStatement.Delete d ? d.returning() : ReturnValues.NONE;
  }
}
