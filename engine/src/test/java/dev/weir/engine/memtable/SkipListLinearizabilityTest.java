package dev.weir.engine.memtable;

import dev.weir.engine.key.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's check of the skip list against a sorted map: adds form one non-parallel group (the
 * one writer the memtable has), finds and walks both ways run in parallel with them. Model
 * checking explores the interleavings of the release and acquire accesses systematically.
 *
 * <p>As in the engine, the writer publishes a sequence after each add and a reader reads at the
 * sequence it saw first, skipping newer versions: a walk is weakly consistent (it may meet a key
 * added behind a key it already passed), and reading at one sequence is what makes it a
 * snapshot.
 */
@Param(name = "key", gen = IntGen.class, conf = "0:6")
public class SkipListLinearizabilityTest {

  private final SkipList list = new SkipList();
  private long seq;
  private volatile long visible;

  @Operation(nonParallelGroup = "writer")
  public boolean add(@Param(name = "key") int key) {
    boolean added = list.add(k(key), ++seq, ValueKind.PUT, null, 0);
    visible = seq;
    return added;
  }

  @Operation
  public Long find(@Param(name = "key") int key) {
    long at = visible;
    SkipList.Node n = list.find(k(key));
    return n == null ? null : seqAt(n, at);
  }

  @Operation
  public List<Long> walk() {
    long at = visible;
    List<Long> out = new ArrayList<>();
    for (SkipList.Node n = list.ceiling(null); n != null; n = n.next(0)) {
      addIfVisible(out, n, at);
    }
    return out;
  }

  @Operation
  public List<Long> walkBackwards() {
    long at = visible;
    List<Long> out = new ArrayList<>();
    for (SkipList.Node n = list.lower(null); n != null; n = list.lower(n.key)) {
      addIfVisible(out, n, at);
    }
    return out;
  }

  private static Long seqAt(SkipList.Node n, long at) {
    MemVersion v = n.newest().visibleAt(at);
    return v == null ? null : v.seq;
  }

  private static void addIfVisible(List<Long> out, SkipList.Node n, long at) {
    Long s = seqAt(n, at);
    if (s != null) {
      out.add(s);
    }
  }

  /** Keys of two lengths sharing their first eight bytes, so full comparisons happen too. */
  private static byte[] k(int key) {
    byte[] k = new byte[key % 2 == 0 ? 9 : 3];
    k[k.length - 1] = (byte) key;
    return k;
  }

  @Test
  void isLinearizableUnderStress() {
    new StressOptions()
        .iterations(30)
        .invocationsPerIteration(500)
        .threads(3)
        .actorsPerThread(3)
        .sequentialSpecification(Spec.class)
        .check(SkipListLinearizabilityTest.class);
  }

  @Test
  void isLinearizableUnderModelChecking() {
    new ModelCheckingOptions()
        .iterations(30)
        .invocationsPerIteration(200)
        .threads(2)
        .actorsPerThread(3)
        .sequentialSpecification(Spec.class)
        .check(SkipListLinearizabilityTest.class);
  }

  /** The same operations on a TreeMap; the writer's sequence numbers the adds alike. */
  public static final class Spec {
    private final TreeMap<String, Long> map = new TreeMap<>();
    private long seq;

    private static String k(int key) {
      return (key % 2 == 0 ? "a:" : "b:") + key; // the skip list's 9-byte keys sort first
    }

    public boolean add(int key) {
      return map.put(k(key), ++seq) == null;
    }

    public Long find(int key) {
      return map.get(k(key));
    }

    public List<Long> walk() {
      return new ArrayList<>(map.values());
    }

    public List<Long> walkBackwards() {
      return new ArrayList<>(map.descendingMap().values());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec && ((Spec) o).map.equals(map);
    }

    @Override
    public int hashCode() {
      return map.hashCode();
    }
  }
}
