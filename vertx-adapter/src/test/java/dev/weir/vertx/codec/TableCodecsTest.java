package dev.weir.vertx.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.engine.Bytes;
import dev.weir.engine.InvalidArgumentException;
import dev.weir.table.AttributeType;
import dev.weir.table.AttributeValue;
import dev.weir.table.CancellationReason;
import dev.weir.table.ConditionFailedException;
import dev.weir.table.ExpressionException;
import dev.weir.table.GetOptions;
import dev.weir.table.Item;
import dev.weir.table.ItemValidationException;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeyRef;
import dev.weir.table.KeySchema;
import dev.weir.table.Page;
import dev.weir.table.Projection;
import dev.weir.table.Query;
import dev.weir.table.ReturnValues;
import dev.weir.table.Scan;
import dev.weir.table.StreamRecord;
import dev.weir.table.StreamView;
import dev.weir.table.TableDescription;
import dev.weir.table.TableSchema;
import dev.weir.table.TransactWriteItem;
import dev.weir.table.TransactionCanceledException;
import dev.weir.table.WriteOptions;
import dev.weir.table.WriteRequest;
import dev.weir.table.expression.ConditionExpression;
import dev.weir.table.expression.KeyCondition;
import dev.weir.table.expression.UpdateExpression;
import dev.weir.table.partiql.ExecuteOptions;
import dev.weir.table.partiql.PartiQL;
import dev.weir.table.partiql.PartiqlSyntaxException;
import dev.weir.table.partiql.StatementPage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The table messages round-trip through their wire form, options, expressions (as text, also
 * when given parsed) and placeholders included, and every truncation or corruption is refused
 * typed; a table exception's payload brings back its old item, reasons, position and token.
 */
class TableCodecsTest {

  private static final Item USER = Item.builder().string("pk", "user#00012345")
      .string("name", "Alice Example").number("age", 30).string("email", "alice@example.com")
      .bool("active", true).build();
  private static final Item KEY = Item.builder().string("pk", "user#00012345").build();
  private static final WriteOptions CONDITIONAL = WriteOptions.builder()
      .condition(ConditionExpression.parse("#v < :v")).name("#v", "version")
      .value(":v", AttributeValue.number(7)).returnValues(ReturnValues.UPDATED_NEW)
      .returnOldOnConditionFailure(true).build();
  private static final TableSchema SCHEMA = TableSchema.builder("users")
      .partitionKey("pk", AttributeType.S).sortKey("sk", AttributeType.N)
      .localIndex("by-email", KeyAttribute.string("email"), Projection.include("name"))
      .globalIndex("by-status", KeySchema.of(KeyAttribute.string("status")),
          Projection.keysOnly())
      .ttl("expires_at").stream(StreamView.NEW_AND_OLD_IMAGES).build();

  /** The same message is the same bytes: every encoded field survived the decode. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String wire(MessageCodec codec, Object message) {
    Buffer b = Buffer.buffer();
    codec.encodeToWire(b, message);
    return Bytes.wrap(b.getBytes()).toString();
  }

  private static Object roundTrip(MessageCodec<?, ?> codec, Object message) {
    return CodecsTest.roundTripsAndRefusesDamage(codec, message, m -> wire(codec, m),
        new Random(7));
  }

  @Test
  void requestsRoundTripWithTheirOptionsAndExpressionsAsText() {
    ItemRequest put = (ItemRequest) roundTrip(new ItemRequestCodec(),
        ItemRequest.write("users", USER, CONDITIONAL));
    assertEquals(USER, put.item());
    assertEquals("#v < :v", put.write().conditionText());
    assertEquals(Map.of(":v", AttributeValue.number(7)), put.write().placeholders().values());
    assertEquals(ReturnValues.UPDATED_NEW, put.write().returnValues());
    roundTrip(new ItemRequestCodec(), ItemRequest.update("users", KEY, "SET a = :v", null));
    ItemRequest get = (ItemRequest) roundTrip(new ItemRequestCodec(), ItemRequest.get("users",
        KEY, GetOptions.builder().projection("#n, age").name("#n", "name").build()));
    assertEquals("#n, age", get.get().projectionText());
    roundTrip(new ItemRequestCodec(), new ItemRequest(null, null, null, null, null));
    ReadRequest query = (ReadRequest) roundTrip(new ReadRequestCodec(), new ReadRequest("users",
        Query.builder().keyCondition(KeyCondition.parse("pk = :p AND sk > :s"))
            .value(":p", AttributeValue.string("a")).value(":s", AttributeValue.number(1))
            .index("by-email").filter("age > :s").projection("pk, age").backward().limit(5)
            .exclusiveStartKey(KEY).build(), null));
    assertEquals("pk = :p AND sk > :s", query.query().keyConditionText());
    assertEquals(5, query.query().spec().limit());
    ReadRequest scan = (ReadRequest) roundTrip(new ReadRequestCodec(),
        new ReadRequest("users", null, Scan.builder().segment(2, 3).build()));
    assertEquals(3, scan.scan().totalSegments());
    roundTrip(new ReadRequestCodec(), new ReadRequest("users", null, null));
    roundTrip(new TableRequestCodec(), new TableRequest("users", 42));
    roundTrip(new TableRequestCodec(), TableRequest.of(null));
    TableBatch batch = (TableBatch) roundTrip(new TableBatchCodec(), new TableBatch("users",
        Arrays.asList(WriteRequest.put("users", USER), null, WriteRequest.delete("t", KEY)),
        List.of(KeyRef.of("users", KEY), new KeyRef("t", KEY, GetOptions.projection("a"))),
        List.of(TransactWriteItem.conditionCheck("users", KEY, CONDITIONAL),
            TransactWriteItem.update("t", KEY, UpdateExpression.parse("ADD n :v"), CONDITIONAL),
            TransactWriteItem.delete("t", KEY))));
    assertEquals("ADD n :v", batch.transact().get(1).updateText());
    roundTrip(new TableBatchCodec(), TableBatch.transact(null));
  }

  @Test
  void schemasDescriptionsPagesAndRecordsRoundTrip() {
    assertEquals(SCHEMA, roundTrip(new TableSchemaCodec(), SCHEMA));
    TableDescription d = new TableDescription(SCHEMA, 3, 250, Map.of("by-email", 2L,
        "by-status", 1L), 1_800_000_000_000L);
    assertEquals(d, roundTrip(new TableDescriptionCodec(), d));
    Page page = new Page(List.of(USER, KEY), 9, KEY);
    assertEquals(page, roundTrip(new PageCodec(), page));
    ItemList list = new ItemList(Arrays.asList(USER, null, KEY));
    assertEquals(list, roundTrip(new ItemListCodec(), list));
    StreamFrame frame = StreamFrame.items(3, StreamFrame.Kind.STREAM_RECORD, List.of(
        new StreamRecord(7, StreamRecord.EventType.MODIFY, KEY, USER, USER, false),
        new StreamRecord(8, StreamRecord.EventType.REMOVE, KEY, USER, null, true)));
    assertEquals(frame.items(), ((StreamFrame) roundTrip(new StreamFrameCodec(), frame)).items());
    StreamFrame names = StreamFrame.items(4, StreamFrame.Kind.TABLE_NAME, List.of("a", "b"));
    assertEquals(names.items(), ((StreamFrame) roundTrip(new StreamFrameCodec(), names)).items());
  }

  @Test
  void statementsAndTheirPagesRoundTrip() {
    StatementRequest r = (StatementRequest) roundTrip(new StatementRequestCodec(),
        new StatementRequest("SELECT * FROM users WHERE pk = ? AND n IN [?, ?]", Arrays.asList(
            AttributeValue.string("a"), null, AttributeValue.list(List.of(
                AttributeValue.numberSet(1, 2)))), ExecuteOptions.limit(5).withNextToken("tok")));
    assertEquals(3, r.parameters().size());
    assertEquals(null, r.parameters().get(1));
    assertEquals(ExecuteOptions.limit(5).withNextToken("tok"), r.options());
    assertEquals(ExecuteOptions.NONE, ((StatementRequest) roundTrip(new StatementRequestCodec(),
        new StatementRequest("DELETE FROM t WHERE pk = 'a'", List.of(), null))).options());
    roundTrip(new StatementRequestCodec(), new StatementRequest(null, null, null));
    StatementPage page = new StatementPage(List.of(USER, KEY), "next");
    assertEquals(page, roundTrip(new StatementPageCodec(), page));
    assertEquals(new StatementPage(List.of(), null), roundTrip(new StatementPageCodec(),
        new StatementPage(List.of(), null)));
  }

  @Test
  void aStreamsFailureCarriesItsPayload() {
    ExpressionException sent = assertThrows(ExpressionException.class,
        () -> ConditionExpression.parse("age = = :v"));
    StreamFrame ending = StreamFrame.items(9, StreamFrame.Kind.ITEM, List.of(USER))
        .ending(3, 33, sent.getMessage(), FailurePayload.of(sent));
    StreamFrame back = (StreamFrame) roundTrip(new StreamFrameCodec(), ending);
    assertEquals(ending.errorPayload(), back.errorPayload());
    ExpressionException rebuilt = FailurePayload.expression(back.errorMessage(),
        back.errorPayload());
    assertEquals(List.of(sent.position(), sent.token()),
        List.of(rebuilt.position(), rebuilt.token()));
  }

  @Test
  void theReadmeItemTravelsInItsStoredForm() {
    // 79 bytes of item (ItemCodec) in a put's 4-byte frame, the table name and empty options
    Buffer b = Buffer.buffer();
    new ItemRequestCodec().encodeToWire(b, ItemRequest.write("users", USER, null));
    assertEquals(4 + (4 + 5) + (4 + 79) + 4 + 1 + 1, b.length());
  }

  @Test
  void anItemNestedPastThirtyTwoLevelsIsRefusedBeforeItIsSent() {
    AttributeValue deep = AttributeValue.string("leaf");
    for (int i = 0; i < 32; i++) {
      deep = AttributeValue.list(List.of(deep));
    }
    ItemRequest r = ItemRequest.write("users", Item.builder().attribute("a", deep).build(), null);
    assertInstanceOf(InvalidArgumentException.class,
        assertThrows(ItemValidationException.class, r::checkText));
  }

  @Test
  void tableExceptionsBringBackWhatTheyCarry() {
    ConditionFailedException c = FailurePayload.conditionFailed("no",
        FailurePayload.of(new ConditionFailedException("no", USER)));
    assertEquals(USER, c.oldItem().orElseThrow());
    List<CancellationReason> reasons = List.of(CancellationReason.NONE,
        new CancellationReason(CancellationReason.Code.CONDITIONAL_CHECK_FAILED, "false", USER),
        new CancellationReason(CancellationReason.Code.TRANSACTION_CONFLICT, null, null));
    assertEquals(reasons, FailurePayload.canceled("x",
        FailurePayload.of(new TransactionCanceledException(reasons))).reasons());
    ExpressionException sent = assertThrows(ExpressionException.class,
        () -> ConditionExpression.parse("age = = :v"));
    ExpressionException back = FailurePayload.expression(sent.getMessage(),
        FailurePayload.of(sent));
    assertEquals(sent.getMessage(), back.getMessage());
    assertEquals(sent.position(), back.position());
    assertEquals(sent.token(), back.token());
    PartiqlSyntaxException syntax = assertThrows(PartiqlSyntaxException.class,
        () -> PartiQL.prepare(null, "SELECT *\nFROM t WHERE"));
    ExpressionException partiql = FailurePayload.partiqlSyntax(syntax.getMessage(),
        FailurePayload.of(syntax));
    PartiqlSyntaxException p = assertInstanceOf(PartiqlSyntaxException.class, partiql);
    assertEquals(List.of(syntax.getMessage(), syntax.line(), syntax.column(), syntax.position(),
        syntax.token()), List.of(p.getMessage(), p.line(), p.column(), p.position(), p.token()));
    assertEquals(ExpressionException.class, FailurePayload.partiqlSyntax("another shape",
        FailurePayload.of(syntax)).getClass());
    List<CancellationReason> duplicate = List.of(new CancellationReason(
        CancellationReason.Code.DUPLICATE_ITEM, "Duplicate primary key exists in table t", null));
    assertEquals(duplicate, FailurePayload.canceled("x",
        FailurePayload.of(new TransactionCanceledException(duplicate))).reasons());
    WeirFailure f = new WeirFailure(17, 36, "no", "5eed", FailurePayload.of(
        new ConditionFailedException("no", USER)));
    WeirFailure wired = (WeirFailure) roundTrip(new WeirFailureCodec(), f);
    assertEquals(f.payload(), wired.payload());
  }
}
