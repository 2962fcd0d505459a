package dev.weir.cli;

import dev.weir.engine.Bytes;
import dev.weir.engine.ChangeEvent;
import dev.weir.engine.KeyVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * The commands that look at a key over time: {@code watch} (changes as they commit, or replayed
 * from the store's change log) and {@code history} (the versions the store retains).
 */
final class ChangeCommands {

  static final String WATCH_USAGE = "watch <prefix> [fromSequence|-] [limit]";

  private ChangeCommands() {}

  static void addTo(CommandTable table) {
    table
        .add(Command.of(WATCH_USAGE,
            "print changes as they commit until Ctrl-C; from a sequence, replay the log first",
            1, 3, ChangeCommands::watch))
        .add(Command.of("history <key>", "the versions of a key the store retains, newest first",
            1, 1, ChangeCommands::history));
  }

  /**
   * On a terminal: the changes committed from now (or from {@code fromSequence}) until Ctrl-C
   * or {@code limit}. In a script nothing else writes while the shell waits, so waiting for a
   * new commit would wait forever: there a watch needs a {@code fromSequence}, replays the log
   * from it up to the last commit before the watch started, and ends.
   */
  private static Result watch(Session s, Args a) {
    Bytes prefix = a.bytes(0);
    long from = a.size() > 1 && !a.token(1).is("-") ? positive(a, 1, "fromSequence") : -1;
    long limit = a.size() > 2 ? positive(a, 2, "limit") : Long.MAX_VALUE;
    Flux<ChangeEvent> changes;
    if (s.interactive()) {
      changes = (from < 0 ? s.store().watch(prefix) : s.store().watch(prefix, from))
          .filter(e -> ObjectKeys.matches(prefix, e));
    } else if (from < 0) {
      throw new ShellException("in a script, watch needs a fromSequence (nothing else writes"
          + " while a script waits): " + WATCH_USAGE);
    } else {
      changes = replay(s, prefix, from);
    }
    if (limit != Long.MAX_VALUE) {
      changes = changes.take(limit);
    }
    if (s.interactive()) {
      // Until a change commits nothing shows: say what the shell is waiting for.
      s.print(new Result.Text(waiting(prefix, from, limit)));
    }
    AtomicLong printed = new AtomicLong();
    boolean interrupted = Await.each(changes, e -> {
      s.print(new Result.Change(e));
      printed.incrementAndGet();
    }, s.interrupts());
    long n = printed.get();
    return Result.ok(
        (interrupted ? "watch stopped: " : "") + ObjectCommands.count(n, "change", "changes"));
  }

  /** {@code watching "user:" from sequence 5, at most 10 changes (Ctrl-C to stop)...} */
  static String waiting(Bytes prefix, long from, long limit) {
    return "watching " + (prefix.isEmpty() ? "every key" : Display.quoted(prefix))
        + (from < 0 ? "" : " from sequence " + from)
        + (limit == Long.MAX_VALUE ? "" : ", at most " + ObjectCommands.count(limit, "change",
            "changes"))
        + " (Ctrl-C to stop)...\n";
  }

  /**
   * The logged changes under {@code prefix} from {@code from} to the last commit. Every sequence
   * number is one change in the log, so watching every key reaches the last sequence for sure
   * and can stop there; the prefix is applied here rather than by the store for that reason.
   */
  private static Flux<ChangeEvent> replay(Session s, Bytes prefix, long from) {
    long last = Await.value(s.store().stats()).lastSequence();
    if (from > last) {
      return Flux.empty();
    }
    return s.store().watch(Bytes.EMPTY, from)
        .takeUntil(e -> e.sequence() >= last)
        .filter(e -> ObjectKeys.matches(prefix, e));
  }

  private static Result history(Session s, Args a) {
    List<KeyVersion> versions = Await.all(s.store().history(a.bytes(0)));
    List<List<Object>> rows = new ArrayList<>(versions.size());
    for (KeyVersion v : versions) {
      rows.add(Arrays.asList(v.sequence(), v.value())); // the value may be null
    }
    int n = versions.size();
    return new Result.Rows(List.of("seq", "value"), rows, "<deleted>",
        n + (n == 1 ? " version" : " versions"));
  }

  private static long positive(Args a, int index, String what) {
    long n = a.number(index, what);
    if (n < 1) {
      throw new ShellException("bad " + what + " '" + a.token(index).text()
          + "': must be at least 1");
    }
    return n;
  }
}
