package dev.weir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.table.Item;
import dev.weir.table.codec.ItemSize;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The two sides of the tables benchmarks hold the same content. */
class TableDataTest {

  private static final int[] USERS = {0, 7, 99, 100, 12_345, 999_999};

  @Test
  void theKvRecordIsThePartitionKeyAndTheOtherFourAttributesAsJson() {
    for (int i : USERS) {
      for (int version = 0; version < 3; version++) {
        Item item = TableData.user(i, version);
        assertEquals(5, item.attributeCount());
        assertEquals(Bytes.utf8(item.getString("pk")), TableData.kvKey(i));
        String json = String.format(Locale.ROOT,
            "{\"name\":\"%s\",\"age\":%s,\"email\":\"%s\",\"active\":%b}", item.getString("name"),
            item.getNumber("age").toPlainString(), item.getString("email"),
            item.getBoolean("active"));
        assertEquals(Bytes.utf8(json), TableData.kvValue(i, version), json);
      }
    }
    assertEquals("user#00012345", TableData.userId(12_345));
    assertEquals(TableData.userKey(12_345), Item.builder().string("pk", "user#00012345").build());
  }

  @Test
  void anItemIsAbout100Bytes() {
    for (int i : USERS) {
      int size = ItemSize.of(TableData.user(i, 0));
      assertTrue(size >= 70 && size <= 100, i + ": " + size + " bytes");
      int record = TableData.kvKey(i).length() + TableData.kvValue(i, 0).length();
      assertTrue(record >= 90 && record <= 120, i + ": a KV record of " + record + " bytes");
    }
  }

  @Test
  void everyPutOfTheNextVersionChangesTheItem() {
    for (int i : USERS) {
      assertNotEquals(TableData.user(i, 1), TableData.user(i, 2));
      assertNotEquals(TableData.kvValue(i, 1), TableData.kvValue(i, 2));
      assertEquals(TableData.user(i, 1), TableData.user(i, 1 + 240));
    }
  }

  @Test
  void aTeamIsOnePartitionOf100ItemsAndOneKeyPrefixOf100Records() {
    Bytes prefix = TableData.kvTeamPrefix(123);
    assertEquals(Bytes.utf8("team#000123/"), prefix);
    for (int i = 12_300; i < 12_400; i++) {
      Item member = TableData.member(i, 0);
      assertEquals("team#000123", member.getString("pk"));
      assertEquals(TableData.userId(i), member.getString("sk"));
      assertEquals(TableData.user(i, 0).without("pk"), member.without("pk").without("sk"));
      Bytes key = TableData.kvMemberKey(i);
      assertEquals(prefix, key.slice(0, prefix.length()));
    }
    assertNotEquals(prefix, TableData.kvMemberKey(12_400).slice(0, prefix.length()));
  }
}
