package dev.weir.cli;

import dev.weir.reactive.StoreSnapshot;

/**
 * The commands that shape the session rather than touch keys: batch/end/abort, snapshot/
 * release, and the dot-commands that control the shell itself.
 */
final class SessionCommands {

  private SessionCommands() {}

  static void addTo(CommandTable table) {
    table
        .add(Command.write("batch", "queue put/del/ttl/delprefix until end, then apply atomically",
            0, 0, SessionCommands::batch, (s, a) -> {
              throw new ShellException("a batch is already open: end or abort it first");
            }))
        .add(Command.control("end", "apply the open batch as one atomic write", 0, 0,
            SessionCommands::end))
        .add(Command.control("abort", "discard the open batch", 0, 0, SessionCommands::abort))
        .add(Command.of("snapshot", "pin the current state: get/scan/range/count read it", 0, 0,
            SessionCommands::snapshot))
        .add(Command.of("release", "release the snapshot: reads see the live store again", 0, 0,
            SessionCommands::release))
        .add(Command.control(".format [table|json|compact]", "show or set the output format",
            0, 1, SessionCommands::format))
        .add(Command.control(".help [command]", "list the commands, or explain one", 0, 1,
            (s, a) -> new Result.Text(table.help(
                a.size() == 0 ? null : a.token(0).text()))))
        .add(Command.control(".exit", "leave the shell (or Ctrl-D)", 0, 0, (s, a) -> {
          s.requestExit();
          return Result.NONE;
        }))
        // What people type first, with or without the dot.
        .alias("help", ".help")
        .alias("exit", ".exit")
        .alias("quit", ".exit");
  }

  private static Result batch(Session s, Args a) {
    s.startBatch();
    return Result.ok("batch open: end applies it, abort discards it");
  }

  private static Result end(Session s, Args a) {
    if (!s.inBatch()) {
      throw new ShellException("no batch is open (start one with batch)");
    }
    int size = s.batchSize();
    // Taken before writing: a refused batch changes nothing and is gone, as the help says.
    var batch = s.takeBatch();
    if (size > 0) {
      Await.value(s.store().write(batch));
    }
    return Result.ok("applied " + size + (size == 1 ? " operation" : " operations"));
  }

  private static Result abort(Session s, Args a) {
    if (!s.inBatch()) {
      throw new ShellException("no batch is open");
    }
    int size = s.batchSize();
    s.discardBatch();
    return Result.ok("discarded " + size + (size == 1 ? " operation" : " operations"));
  }

  private static Result snapshot(Session s, Args a) {
    if (s.snapshot() != null) {
      throw new ShellException("a snapshot is already open (release it first)");
    }
    StoreSnapshot snapshot = Await.value(s.store().snapshot());
    s.snapshot(snapshot);
    return Result.ok("snapshot at sequence " + snapshot.sequence());
  }

  private static Result release(Session s, Args a) {
    StoreSnapshot snapshot = s.snapshot();
    if (snapshot == null) {
      throw new ShellException("no snapshot is open");
    }
    s.snapshot(null);
    Await.value(snapshot.close());
    return Result.ok("snapshot released");
  }

  private static Result format(Session s, Args a) {
    if (a.size() == 1) {
      s.format(Formatter.Kind.parse(a.token(0).text()));
    }
    return Result.ok("format " + s.format().label());
  }
}
