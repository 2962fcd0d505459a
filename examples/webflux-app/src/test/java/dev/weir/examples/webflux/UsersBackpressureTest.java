package dev.weir.examples.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.engine.Bytes;
import dev.weir.reactive.ReactiveStore;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * A client that reads slowly does not make the server buffer the scan: the server asks the store
 * for users only as the connection takes them.
 *
 * <p>The store holds {@value #USERS} users of about a kilobyte of JSON each (some 20 MB of
 * NDJSON). A raw-socket client with a small receive buffer reads the first {@value #READ_FIRST}
 * lines, then stops reading. The server writes on until the kernel's buffers are full and its
 * connection turns unwritable; at that point the scan must have been asked for no more users
 * than the client read plus what those buffers hold (the server's send buffer at its largest,
 * the client's receive buffer, Netty's write watermark, Reactor Netty's prefetch). A server that
 * collected the scan, or buffered it unboundedly, would have asked the store for every user
 * before its first write. Then the client reads the rest, and every user arrives, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class UsersBackpressureTest {

  static final int USERS = 20_000;
  static final int READ_FIRST = 100;
  private static final int CLIENT_RECEIVE_BUFFER = 64 * 1024;
  // a long e-mail address makes each line of the listing about a kilobyte
  private static final String PADDED_EMAIL = "x".repeat(1_000) + "@example.com";

  @Value("${local.server.port}")
  int port;

  @Autowired
  UserRepository users;

  @Autowired
  ScanMeter meter;

  @Autowired
  Writability writability;

  @Test
  void aSlowClientHoldsTheScanBack() throws Exception {
    Flux.range(0, USERS).flatMap(i -> users.save(user(i)), 256).blockLast();
    long lineBytes = lineOf(user(0)).length;

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(CLIENT_RECEIVE_BUFFER); // before connecting: no autotuning
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(("GET /users?prefix=bp- HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Accept: application/x-ndjson\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ChunkedLines body = ChunkedLines.afterHeaders(socket.getInputStream());

      for (int i = 0; i < READ_FIRST; i++) {
        assertLine(i, body.next());
      }
      // the client reads no more: wait until the server cannot write either
      writability.awaitUnwritable().get(60, TimeUnit.SECONDS);
      long asked = meter.requested.get();
      // kernel buffers and Netty's high watermark, in lines; then prefetches (Reactor Netty's 128,
      // with room for as many again on each side of it)
      long buffered = (sendBufferMax() + 2L * socket.getReceiveBufferSize() + 64 * 1024)
          / lineBytes + 4 * 128;
      System.out.printf("slow client: read %d of %d users; the store was asked for %d (bound %d)%n",
          READ_FIRST, USERS, asked, READ_FIRST + buffered);
      assertTrue(buffered < USERS / 2, "the store is large enough to tell: " + buffered);
      assertTrue(asked <= READ_FIRST + buffered, "the server asked the store for " + asked
          + " users while the client had read " + READ_FIRST + " (buffers hold at most "
          + buffered + ")");

      for (int i = READ_FIRST; i < USERS; i++) {
        assertLine(i, body.next());
      }
      assertEquals(null, body.next(), "the listing ends after the last user");
      assertEquals(USERS, meter.emitted.get());
    }
  }

  private static User user(int i) {
    return new User(String.format("bp-%05d", i), "User " + i, PADDED_EMAIL);
  }

  private static byte[] lineOf(User u) {
    return ("{\"id\":\"" + u.id() + "\",\"name\":\"" + u.name() + "\",\"email\":\"" + u.email()
        + "\"}\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void assertLine(int i, String line) {
    String id = String.format("bp-%05d", i);
    assertTrue(line != null && line.contains("\"id\":\"" + id + "\""),
        "line " + i + " names " + id + ": " + abbreviate(line));
  }

  private static String abbreviate(String line) {
    return line == null || line.length() < 120 ? line : line.substring(0, 120) + "...";
  }

  /** The largest send buffer the kernel grows a TCP socket to (Linux; 4 MiB elsewhere). */
  private static long sendBufferMax() throws IOException {
    Path wmem = Path.of("/proc/sys/net/ipv4/tcp_wmem");
    if (!Files.isReadable(wmem)) {
      return 4L << 20;
    }
    // read as a stream: /proc files report a size of 0
    try (java.io.BufferedReader r = Files.newBufferedReader(wmem)) {
      String[] fields = r.readLine().trim().split("\\s+"); // min, default, max
      return Long.parseLong(fields[2]);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Instruments {

    @Bean
    static ScanMeter scanMeter() {
      return new ScanMeter();
    }

    @Bean
    Writability writability() {
      return new Writability();
    }

    @Bean
    NettyServerCustomizer watchWritability(Writability writability) {
      return server -> server.doOnConnection(c -> c.addHandlerFirst("test-writability",
          writability.handler(c.channel())));
    }
  }

  /**
   * Counts what scans of the users are asked for and give, by wrapping the store bean in a
   * proxy: nothing in the application changes. Other scans are left out: the starter's
   * TableStore reads its (empty) catalog once, unbounded, when it is made.
   */
  static final class ScanMeter implements BeanPostProcessor {
    private static final Bytes USERS_PREFIX = Bytes.utf8("user:");
    final AtomicLong requested = new AtomicLong();
    final AtomicLong emitted = new AtomicLong();

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (!(bean instanceof ReactiveStore store)) {
        return bean;
      }
      return Proxy.newProxyInstance(ReactiveStore.class.getClassLoader(),
          new Class<?>[] {ReactiveStore.class}, (proxy, method, args) -> {
            Object result;
            try {
              result = method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (!method.getName().equals("scan") || !(args[0] instanceof Bytes prefix)
                || !prefix.startsWith(USERS_PREFIX)) {
              return result;
            }
            return ((Flux<?>) result)
                .doOnRequest(n -> requested.accumulateAndGet(n,
                    (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b)) // unbounded stays unbounded
                .doOnNext(e -> emitted.incrementAndGet());
          });
    }
  }

  /** Tells when the server's connection has stopped taking writes. */
  static final class Writability {
    private volatile Channel channel;
    private volatile CompletableFuture<Void> unwritable = new CompletableFuture<>();

    ChannelInboundHandlerAdapter handler(Channel ch) {
      channel = ch;
      return new ChannelInboundHandlerAdapter() {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
          if (!ctx.channel().isWritable()) {
            unwritable.complete(null);
          }
          super.channelWritabilityChanged(ctx);
        }
      };
    }

    /** Completes once the connection is unwritable: now, or at its next change. */
    CompletableFuture<Void> awaitUnwritable() {
      Channel ch = channel;
      CompletableFuture<Void> result = new CompletableFuture<>();
      // on the channel's event loop, where writability changes: no change slips between
      ch.eventLoop().execute(() -> {
        if (!ch.isWritable()) {
          result.complete(null);
        } else {
          unwritable = new CompletableFuture<>();
          unwritable.thenRun(() -> result.complete(null));
        }
      });
      return result;
    }
  }

  /** The lines of a chunked HTTP/1.1 body, read straight from the socket. */
  static final class ChunkedLines {
    private final InputStream in;
    private long leftInChunk;
    private boolean ended;

    private ChunkedLines(InputStream in) {
      this.in = in;
    }

    static ChunkedLines afterHeaders(InputStream raw) throws IOException {
      InputStream in = new BufferedInputStream(raw, 8 * 1024);
      String status = readCrlfLine(in);
      assertTrue(status.startsWith("HTTP/1.1 200"), status);
      boolean chunked = false;
      for (String h = readCrlfLine(in); !h.isEmpty(); h = readCrlfLine(in)) {
        chunked |= h.equalsIgnoreCase("transfer-encoding: chunked");
      }
      assertTrue(chunked, "a streamed listing is chunked");
      return new ChunkedLines(in);
    }

    /** The next line without its newline, or null at the end of the body. */
    String next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(1_200);
      for (int b = nextByte(); b != -1; b = nextByte()) {
        if (b == '\n') {
          return line.toString(StandardCharsets.UTF_8);
        }
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private int nextByte() throws IOException {
      if (ended) {
        return -1;
      }
      if (leftInChunk == 0) {
        String size = readCrlfLine(in);
        if (size.isEmpty()) { // the CRLF that closes the previous chunk
          size = readCrlfLine(in);
        }
        leftInChunk = Long.parseLong(size.split(";")[0].trim(), 16);
        if (leftInChunk == 0) {
          ended = true;
          return -1;
        }
      }
      leftInChunk--;
      return in.read();
    }

    private static String readCrlfLine(InputStream in) throws IOException {
      StringBuilder s = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          throw new IOException("the connection closed mid-line: " + s);
        }
        if (b != '\r') {
          s.append((char) b);
        }
      }
      return s.toString();
    }
  }
}
