package dev.weir.engine.vfs;

import java.io.IOException;

/**
 * A write or sync failed because the disk is full (ENOSPC, "No space left on device"). Its own
 * type so that callers map it to a disk-full error without parsing messages; only the real
 * directory reads the operating system's message, in one place.
 */
public class NoSpaceLeftException extends IOException {

  public NoSpaceLeftException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether an I/O error from the operating system means the disk is full. */
  static boolean isNoSpace(IOException e) {
    String m = e.getMessage();
    return m != null && m.contains("No space left on device");
  }
}
