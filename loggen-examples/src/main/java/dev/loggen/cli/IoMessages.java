package dev.loggen.cli;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * I/O failures in words, for what the command line prints: {@code permission denied} rather
 * than {@code java.nio.file.AccessDeniedException: /var/log/x/access.log}. The sinks name the
 * operation and the path and append their cause as Java prints it; {@link #message} puts the
 * cause's reason in its place.
 */
final class IoMessages {
  /** The failures whose Java message is only the path, in words. */
  private static final List<Map.Entry<Class<? extends IOException>, String>> REASONS = List.of(
      Map.entry(AccessDeniedException.class, "permission denied"),
      Map.entry(NoSuchFileException.class, "no such file or directory"),
      Map.entry(FileAlreadyExistsException.class, "already exists"),
      Map.entry(NotDirectoryException.class, "not a directory"),
      Map.entry(DirectoryNotEmptyException.class, "directory not empty"),
      Map.entry(FileSystemLoopException.class, "a loop of symbolic links"));

  private IoMessages() {}

  /**
   * Why an I/O operation failed, in words: {@code permission denied}, {@code no such file or
   * directory}, {@code already exists}, {@code not a directory}, or the system's reason
   * ({@code no space left on device}).
   *
   * @param e the failure
   * @return the reason, lower case, without the path
   */
  static String reason(IOException e) {
    for (Map.Entry<Class<? extends IOException>, String> r : REASONS) {
      if (r.getKey().isInstance(e)) {
        return r.getValue();
      }
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return reason == null || reason.isBlank() ? "input/output error" : lowerFirst(reason.trim());
  }

  /**
   * The message of a failure as the command line prints it: its own message, with every I/O
   * exception of its cause chain that the message quotes as Java prints it
   * ({@code java.nio.file.AccessDeniedException: /x}) replaced by its {@link #reason}. An I/O
   * exception itself is its file and its reason.
   *
   * @param e the failure
   * @return the message
   */
  static String message(Throwable e) {
    if (e instanceof IOException io) { // its message is often the path alone
      return (io instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": "
          : "") + reason(io);
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getCause() != null ? message(e.getCause()) : e.toString();
    }
    Set<Throwable> seen = new HashSet<>();
    for (Throwable c = e; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof IOException io) {
        // the file the cause names stays when the message names another (a compression's
        // temporary file behind "compress failed for access.log.2": "is a directory" alone
        // blamed the archive)
        String quoted = io.toString();
        int at = m.indexOf(quoted);
        String before = at >= 0 ? m.substring(0, at) : m;
        StringBuilder files = new StringBuilder();
        if (io instanceof FileSystemException f) {
          for (String file : new String[] {f.getFile(), f.getOtherFile()}) {
            if (file != null && !names(before, file)) {
              files.append(files.length() == 0 ? "" : " -> ").append(file);
            }
          }
        }
        m = m.replace(quoted, (files.length() == 0 ? "" : files + ": ") + reason(io));
      }
    }
    return m;
  }

  /**
   * Whether {@code text} names {@code file} as a whole path: not as the start of a longer one
   * ({@code /x/logs} is not named by "directory /x/logs/sub cannot be created").
   */
  private static boolean names(String text, String file) {
    for (int i = text.indexOf(file); i >= 0; i = text.indexOf(file, i + 1)) {
      int end = i + file.length();
      if (end == text.length() || " :,;)'\"".indexOf(text.charAt(end)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** "Not a directory" as "not a directory"; "EPIPE" and "I/O error" stay as they are. */
  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0))
        && Character.isLowerCase(s.charAt(1))) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}
