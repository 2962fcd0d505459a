package dev.weir.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a node joins a Hazelcast cluster: the cluster's name, the host and port it binds (port 0:
 * any free one), and the members it asks to join through (TCP join; multicast stays off so a
 * node never wanders into a stranger's cluster). Plain values, so the commands that parse them
 * load no Vert.x or Hazelcast class.
 *
 * <p><b>Finding each other again.</b> A shell (port 0) binds the first free port of the {@value
 * #NEIGHBOUR_PORTS} after its first member's, and a server also asks those ports of its own host
 * when it joins. So a server that is stopped and started again joins the cluster its shells
 * kept, within its start. Without that it formed a cluster of its own, since it knew no shell,
 * and a shell found it only through Hazelcast's split-brain merge: first after five minutes,
 * and then only if Hazelcast chose the shell's side to merge (it chooses the smaller cluster,
 * then by address order), else never.
 */
record ClusterSettings(String name, String host, int port, List<String> members) {

  static final String DEFAULT_NAME = "weir";
  static final String LOOPBACK = "127.0.0.1";
  static final int DEFAULT_PORT = 5701; // Hazelcast's own default

  /** Ports after a server's where the shells of its host bind, and where it looks for them. */
  static final int NEIGHBOUR_PORTS = 10;

  ClusterSettings {
    members = List.copyOf(members);
  }

  /** Port 0: the node (a shell's) takes a free port near its first member's, see above. */
  boolean choosesItsPort() {
    return port == 0;
  }

  /**
   * The first port a shell tries: the one after its first member's; 0 (any free port) without
   * a member or past the last port.
   */
  int shellFirstPort() {
    if (!choosesItsPort() || members.isEmpty()) {
      return 0;
    }
    String first = members.get(0);
    int next = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)) + 1;
    return next + NEIGHBOUR_PORTS - 1 <= 65_535 ? next : 0;
  }

  /** Where a server looks for the shells of its own host when it joins; none for a shell. */
  List<String> neighbours() {
    List<String> near = new ArrayList<>();
    if (!choosesItsPort()) {
      for (int p = port + 1; p <= port + NEIGHBOUR_PORTS && p <= 65_535; p++) {
        near.add(host + ":" + p);
      }
    }
    return near;
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
