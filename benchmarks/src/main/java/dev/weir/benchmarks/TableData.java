package dev.weir.benchmarks;

import dev.weir.engine.Bytes;
import dev.weir.table.AttributeType;
import dev.weir.table.Item;
import dev.weir.table.KeyAttribute;
import dev.weir.table.KeySchema;
import dev.weir.table.Projection;
import dev.weir.table.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * The data of the tables benchmarks ({@link TableBenchmark}, {@link TableMemory}): user {@code
 * i} as an item of 5 attributes and as the KV record of the same content, both computed from
 * {@code i} and a version, so every run and both APIs see the same bytes.
 *
 * <pre>
 *   item:      {pk: "user#00012345", name: "Grace Hopper", age: 57, email:
 *               "grace.hopper.00012345@example.com", active: true}
 *   KV record: key   "user#00012345" (13 bytes, the item's partition key)
 *              value {"name":"Grace Hopper","age":57,"email":"grace.hopper.00012345@example.com","active":true}
 * </pre>
 *
 * <p>The KV value is the item's other four attributes as compact JSON, as the tables module's
 * README counts "the KV record of the same content". Names come from two pools of 32, so the
 * item is 80-90 bytes by DynamoDB's sizing and 100-110 bytes of engine key and value; the KV
 * record is 100-115 bytes. Age and active depend on the version: a put of version {@code v}
 * over version {@code s} changes the item unless {@code v - s} is a multiple of 240 (a
 * 1-in-240 chance for random versions), so index entries really move.
 *
 * <p>For the query, item {@code i} also belongs to team {@code i / 100} (100 items a
 * partition): the item gets the team as partition key and the user as sort key ({@code pk:
 * "team#000123", sk: "user#00012345"}, then the same four attributes), the KV record the key
 * {@code "team#000123/user#00012345"}, so a team is one key prefix of 100 records.
 *
 * <p>Strings are built from digits without {@code String.format}: the timed operations build
 * their keys and items, as an application turns its fields into a request.
 */
final class TableData {

  static final int TEAM_SIZE = 100;
  static final long SEED = 0x7AB1E5L;
  /** Length of {@link #order}; a power of two so a reader wraps with a mask. */
  static final int ORDER_SIZE = 1 << 22;

  private static final String[] FIRST = {
    "Ada", "Alan", "Barbara", "Brian", "Claude", "Donald", "Edsger", "Frances", "Grace", "Guido",
    "Hedy", "Ivan", "James", "John", "Ken", "Leslie", "Linus", "Margaret", "Niklaus", "Radia",
    "Richard", "Robin", "Shafi", "Sophie", "Tim", "Tony", "Vint", "Whitfield", "Yukihiro",
    "Adele", "Bjarne", "Carol"};
  private static final String[] LAST = {
    "Lovelace", "Turing", "Liskov", "Kernighan", "Shannon", "Knuth", "Dijkstra", "Allen",
    "Hopper", "Rossum", "Lamarr", "Sutherland", "Gosling", "McCarthy", "Thompson", "Lamport",
    "Torvalds", "Hamilton", "Wirth", "Perlman", "Stallman", "Milner", "Goldwasser", "Wilson",
    "Berners-Lee", "Hoare", "Cerf", "Diffie", "Matsumoto", "Goldberg", "Stroustrup", "Shaw"};
  private static final String[] NAMES = new String[FIRST.length * LAST.length];
  /** {@code "first.last."} in lower case, the start of each name's email address. */
  private static final byte[][] EMAIL_PREFIX = new byte[NAMES.length][];
  private static final byte[][] NAME_UTF8 = new byte[NAMES.length][];
  private static final byte[] EMAIL_DOMAIN = "@example.com".getBytes(StandardCharsets.US_ASCII);

  static {
    for (int f = 0; f < FIRST.length; f++) {
      for (int l = 0; l < LAST.length; l++) {
        int n = f * LAST.length + l;
        NAMES[n] = FIRST[f] + " " + LAST[l];
        NAME_UTF8[n] = NAMES[n].getBytes(StandardCharsets.UTF_8);
        EMAIL_PREFIX[n] = (FIRST[f] + "." + LAST[l] + ".").toLowerCase(Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
      }
    }
  }

  /** The plain table: partition key {@code pk}, no sort key, no index, no TTL, no stream. */
  static TableSchema users(String name) {
    return TableSchema.builder(name).partitionKey("pk", AttributeType.S).build();
  }

  /**
   * The same table with two global indexes: {@code by-email} (email, keys only: a lookup
   * index) and {@code by-age} (age, then name; every attribute projected: a listing index).
   */
  static TableSchema usersWithTwoIndexes(String name) {
    return TableSchema.builder(name).partitionKey("pk", AttributeType.S)
        .globalIndex("by-email", KeySchema.of(KeyAttribute.string("email")),
            Projection.keysOnly())
        .globalIndex("by-age",
            KeySchema.of(KeyAttribute.number("age"), KeyAttribute.string("name")),
            Projection.all())
        .build();
  }

  /** The query's table: partition key {@code pk} (the team), sort key {@code sk} (the user). */
  static TableSchema teams(String name) {
    return TableSchema.builder(name).partitionKey("pk", AttributeType.S)
        .sortKey("sk", AttributeType.S).build();
  }

  private TableData() {}

  /** A random sequence of indexes in [0, size) that readers walk; fixed seed. */
  static int[] order(int size) {
    Random random = new Random(SEED);
    int[] order = new int[ORDER_SIZE];
    for (int i = 0; i < ORDER_SIZE; i++) {
      order[i] = random.nextInt(size);
    }
    return order;
  }

  // ------------------------------------------------------------------ items

  /** User {@code i} at {@code version}, as an item of 5 attributes. */
  static Item user(int i, int version) {
    return attributes(Item.builder().string("pk", userId(i)), i, version).build();
  }

  /** The key of user {@code i}. */
  static Item userKey(int i) {
    return Item.builder().string("pk", userId(i)).build();
  }

  /** User {@code i} at {@code version} in the teams table: its team, then the user. */
  static Item member(int i, int version) {
    return attributes(Item.builder().string("pk", teamId(i / TEAM_SIZE)).string("sk", userId(i)),
        i, version).build();
  }

  private static Item.Builder attributes(Item.Builder b, int i, int version) {
    int n = nameOf(i);
    return b.string("name", NAMES[n])
        .number("age", age(i, version))
        .string("email", new String(email(i, n), StandardCharsets.US_ASCII))
        .bool("active", active(i, version));
  }

  static String userId(int i) {
    return new String(id(USER, i, 8), StandardCharsets.US_ASCII);
  }

  static String teamId(int team) {
    return new String(id(TEAM, team, 6), StandardCharsets.US_ASCII);
  }

  // ------------------------------------------------------------------ KV records

  /** The KV key of user {@code i}: the item's partition key, {@code "user#00012345"}. */
  static Bytes kvKey(int i) {
    return Bytes.wrap(id(USER, i, 8));
  }

  /** The KV key of user {@code i} in its team: {@code "team#000123/user#00012345"}. */
  static Bytes kvMemberKey(int i) {
    byte[] team = id(TEAM, i / TEAM_SIZE, 6);
    byte[] user = id(USER, i, 8);
    byte[] key = new byte[team.length + 1 + user.length];
    System.arraycopy(team, 0, key, 0, team.length);
    key[team.length] = '/';
    System.arraycopy(user, 0, key, team.length + 1, user.length);
    return Bytes.wrap(key);
  }

  /** The key prefix of team {@code team}'s records: {@code "team#000123/"}. */
  static Bytes kvTeamPrefix(int team) {
    byte[] id = id(TEAM, team, 6);
    byte[] prefix = java.util.Arrays.copyOf(id, id.length + 1);
    prefix[id.length] = '/';
    return Bytes.wrap(prefix);
  }

  private static final byte[] NAME_FIELD = ascii("{\"name\":\"");
  private static final byte[] AGE_FIELD = ascii("\",\"age\":");
  private static final byte[] EMAIL_FIELD = ascii(",\"email\":\"");
  private static final byte[] ACTIVE_TRUE = ascii("\",\"active\":true}");
  private static final byte[] ACTIVE_FALSE = ascii("\",\"active\":false}");

  /** The KV value of user {@code i} at {@code version}: the other four attributes as JSON. */
  static Bytes kvValue(int i, int version) {
    int n = nameOf(i);
    byte[] name = NAME_UTF8[n];
    byte[] email = email(i, n);
    int age = age(i, version);
    byte[] end = active(i, version) ? ACTIVE_TRUE : ACTIVE_FALSE;
    byte[] v = new byte[NAME_FIELD.length + name.length + AGE_FIELD.length + digits(age)
        + EMAIL_FIELD.length + email.length + end.length];
    int at = put(v, 0, NAME_FIELD);
    at = put(v, at, name);
    at = put(v, at, AGE_FIELD);
    at = writeDecimal(v, at, age);
    at = put(v, at, EMAIL_FIELD);
    at = put(v, at, email);
    put(v, at, end);
    return Bytes.wrap(v);
  }

  // ------------------------------------------------------------------ content

  private static int nameOf(int i) {
    return (int) (Dataset.mix(i) & (NAMES.length - 1));
  }

  static int age(int i, int version) {
    return 18 + Math.floorMod(i + version, 80);
  }

  static boolean active(int i, int version) {
    return Math.floorMod(i + version, 3) != 0;
  }

  /** {@code "first.last.00012345@example.com"}. */
  private static byte[] email(int i, int n) {
    byte[] prefix = EMAIL_PREFIX[n];
    byte[] e = new byte[prefix.length + 8 + EMAIL_DOMAIN.length];
    System.arraycopy(prefix, 0, e, 0, prefix.length);
    fixedDigits(e, prefix.length, i, 8);
    System.arraycopy(EMAIL_DOMAIN, 0, e, prefix.length + 8, EMAIL_DOMAIN.length);
    return e;
  }

  private static final byte[] USER = ascii("user#");
  private static final byte[] TEAM = ascii("team#");

  private static byte[] id(byte[] prefix, int n, int width) {
    byte[] id = java.util.Arrays.copyOf(prefix, prefix.length + width);
    fixedDigits(id, prefix.length, n, width);
    return id;
  }

  private static void fixedDigits(byte[] into, int at, int n, int width) {
    for (int d = at + width - 1; d >= at; d--) {
      into[d] = (byte) ('0' + n % 10);
      n /= 10;
    }
  }

  private static int digits(int n) {
    return n < 10 ? 1 : n < 100 ? 2 : 3;
  }

  private static int writeDecimal(byte[] into, int at, int n) {
    int width = digits(n);
    fixedDigits(into, at, n, width);
    return at + width;
  }

  private static int put(byte[] into, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, into, at, bytes.length);
    return at + bytes.length;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

}
