package dev.weir.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a node joins a Hazelcast cluster: the cluster's name, the host and port it binds (port 0:
 * any free one), and the members it asks to join through (TCP join; multicast stays off so a
 * node never wanders into a stranger's cluster). Plain values, so the commands that parse them
 * load no Vert.x or Hazelcast class.
 */
record ClusterSettings(String name, String host, int port, List<String> members) {

  static final String DEFAULT_NAME = "weir";
  static final String LOOPBACK = "127.0.0.1";
  static final int DEFAULT_PORT = 5701; // Hazelcast's own default

  ClusterSettings {
    members = List.copyOf(members);
  }

  /**
   * Checks {@code host:port} member addresses; returns them trimmed, or throws {@link
   * IllegalArgumentException} naming the bad one.
   */
  static List<String> parseMembers(List<String> given) {
    List<String> members = new ArrayList<>();
    for (String raw : given) {
      String m = raw.strip();
      int colon = m.lastIndexOf(':');
      int port = -1;
      if (colon > 0) {
        try {
          port = Integer.parseInt(m.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("bad member '" + raw + "' (use host:port)");
      }
      members.add(m);
    }
    return members;
  }
}
