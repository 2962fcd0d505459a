package dev.weir.table.partiql;

import dev.weir.engine.WeirException;
import dev.weir.table.ExpressionException;
import dev.weir.table.TableStore;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DynamoDB's BatchExecuteStatement: up to 25 statements, all SELECTs by full primary key or all
 * writes, each run on its own (one failing does not stop the others) and answered in request
 * order with its item or its error.
 */
final class Batches {

  /** DynamoDB's bound on the statements of one batch. */
  static final int MAX_STATEMENTS = 25;

  private Batches() {}

  static Mono<List<BatchResult>> execute(TableStore tables, List<Statement> statements) {
    return Mono.defer(() -> {
      if (statements == null || statements.isEmpty() || statements.size() > MAX_STATEMENTS) {
        return Mono.error(new ExpressionException("a batch has 1 to " + MAX_STATEMENTS
            + " statements, not " + (statements == null ? 0 : statements.size())));
      }
      checkOneKind(statements);
      return Flux.fromIterable(statements).concatMap(s -> one(tables, s)).collectList();
    });
  }

  /** All reads or all writes, among the statements that parse (the others fail on their own). */
  private static void checkOneKind(List<Statement> statements) {
    Boolean reads = null;
    for (Statement s : statements) {
      ParsedStatement parsed;
      try {
        parsed = PartiQL.parse(s.text());
      } catch (WeirException e) {
        continue;
      }
      boolean read = parsed instanceof ParsedStatement.Select;
      if (reads != null && reads != read) {
        throw new ExpressionException("a batch's statements are all reads or all writes");
      }
      reads = read;
    }
  }

  private static Mono<BatchResult> one(TableStore tables, Statement s) {
    return Transactions.bind(tables, s)
        .flatMap(b -> {
          if (b.plan().statement() instanceof ParsedStatement.Select
              && (b.plan().kind() != Plan.Kind.GET || b.plan().readsSeveralPartitions())) {
            return Mono.error(new ExpressionException("a batch reads items by their full"
                + " primary key; " + b.plan().describe() + " is not one"));
          }
          return Executions.run(tables, b.plan(), b.parameters()).next();
        })
        .map(item -> BatchResult.of(Optional.of(item)))
        .defaultIfEmpty(BatchResult.of(Optional.empty()))
        .onErrorResume(WeirException.class, e -> Mono.just(BatchResult.failed(e)));
  }
}
