package dev.weir.spring.boot;

import dev.weir.engine.EngineConfig;
import dev.weir.engine.InvalidArgumentException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.util.unit.DataSize;

/**
 * What the {@code weir.*} properties open: a DSN (the one given, or one made from {@code
 * weir.directory}, with the properties that are DSN options appended) and the engine settings a
 * DSN has no option for. A setting given both in the DSN and as a property is refused, naming
 * both, rather than one silently winning.
 */
record StoreDsn(String dsn, Consumer<EngineConfig.Builder> settings) {

  static final String DEFAULT_DSN = "mem://weir";

  static StoreDsn of(WeirProperties p) {
    String base = base(p);
    Map<String, String> options = new LinkedHashMap<>();
    WeirProperties.Objects o = p.getObjects();
    put(options, "bucket", o.getBucket());
    put(options, "chunkSize", o.getChunkSize() == null ? null
        : Long.toString(o.getChunkSize().toBytes()));
    put(options, "uploadExpiry", o.getUploadExpiry() == null ? null
        : o.getUploadExpiry().toString());
    put(options, "etag", o.getEtag());
    put(options, "maxMemoryBytes", bytes(p.getMaxMemory()));
    put(options, "sync", p.getSync());
    StringBuilder dsn = new StringBuilder(base);
    char sep = base.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (base.contains("?" + e.getKey() + "=") || base.contains("&" + e.getKey() + "=")) {
        throw new InvalidArgumentException("the DSN " + base + " sets '" + e.getKey()
            + "' and so does a weir.* property (" + property(e.getKey()) + "): set it once");
      }
      dsn.append(sep).append(e.getKey()).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    DataSize memtable = p.getMemtableSize();
    Integer versions = p.getVersionsToKeep();
    Consumer<EngineConfig.Builder> settings = b -> {
      if (memtable != null) {
        b.memtableBytes(memtable.toBytes());
      }
      if (versions != null) {
        b.versionsToKeep(versions);
      }
    };
    return new StoreDsn(dsn.toString(), settings);
  }

  private static String base(WeirProperties p) {
    if (p.getDirectory() == null) {
      return p.getDsn() == null ? DEFAULT_DSN : p.getDsn();
    }
    if (p.getDsn() != null) {
      throw new InvalidArgumentException("weir.dsn (" + p.getDsn() + ") and weir.directory ("
          + p.getDirectory() + ") both say where the store lives: set one");
    }
    return "file://" + p.getDirectory().toAbsolutePath();
  }

  private static String bytes(DataSize size) {
    return size == null ? null : Long.toString(size.toBytes());
  }

  private static void put(Map<String, String> options, String name, String value) {
    if (value != null) {
      options.put(name, value);
    }
  }

  private static String property(String option) {
    return switch (option) {
      case "bucket" -> "weir.objects.bucket";
      case "chunkSize" -> "weir.objects.chunk-size";
      case "uploadExpiry" -> "weir.objects.upload-expiry";
      case "etag" -> "weir.objects.etag";
      case "maxMemoryBytes" -> "weir.max-memory";
      default -> "weir." + option;
    };
  }
}
