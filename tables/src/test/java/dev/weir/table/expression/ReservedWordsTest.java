package dev.weir.table.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class ReservedWordsTest {

  @Test
  void allOfDynamoDbsReservedWordsAreReservedInAnyCase() {
    assertEquals(573, ReservedWords.count());
    for (String word : new String[] {"ABORT", "comment", "Name", "size", "Zone", "ttl"}) {
      assertTrue(ReservedWords.isReserved(word), word);
    }
    for (String word : new String[] {"attribute_exists", "begins_with", "price", "Brand"}) {
      assertFalse(ReservedWords.isReserved(word), word);
    }
  }

  /**
   * The list is read the first time an expression is parsed, which may be on a thread that must
   * not block: the read is allowed there (TablesBlockHoundIntegration), nothing else is.
   */
  @Test
  void readingTheListIsAllowedOnANonBlockingThread() {
    Set<String> words = Mono.fromCallable(ReservedWords::load)
        .subscribeOn(Schedulers.parallel())
        .block();
    assertEquals(573, words.size());
  }
}
