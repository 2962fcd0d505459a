package dev.weir.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Passes bytes on unchanged and hands each complete line to a listener as well: how {@link
 * Compare} reads what its benchmark JVMs report in JMH's output. JMH writes from more than one
 * thread, so writes are serialised.
 */
final class LineTap extends FilterOutputStream {

  private final Consumer<String> lines;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineTap(OutputStream out, Consumer<String> lines) {
    super(out);
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    out.write(b);
    if (b == '\n') {
      lines.accept(line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        lines.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(bytes[i]);
      }
    }
  }
}
