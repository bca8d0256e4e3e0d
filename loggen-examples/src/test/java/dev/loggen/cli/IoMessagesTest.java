package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** I/O failures are printed in words, never as Java class names. */
class IoMessagesTest {
  @Test
  void reasonsInWords() {
    assertEquals("permission denied", IoMessages.reason(new AccessDeniedException("/x")));
    assertEquals("no such file or directory",
        IoMessages.reason(new NoSuchFileException("/x")));
    assertEquals("already exists", IoMessages.reason(new FileAlreadyExistsException("/x")));
    assertEquals("not a directory", IoMessages.reason(new NotDirectoryException("/x")));
    assertEquals("not a directory",
        IoMessages.reason(new FileSystemException("/x/y", null, "Not a directory")));
    assertEquals("no space left on device",
        IoMessages.reason(new IOException("No space left on device")));
    assertEquals("EPIPE", IoMessages.reason(new IOException("EPIPE")));
    assertEquals("input/output error", IoMessages.reason(new IOException()));
  }

  @Test
  void theCauseQuotedAsJavaPrintsItIsReplacedByItsReason() {
    AccessDeniedException denied = new AccessDeniedException("/sys/kernel/access.log");
    assertEquals("open failed for /sys/kernel/access.log after 3 attempts: permission denied",
        IoMessages.message(new UncheckedIOException("open failed for /sys/kernel/access.log"
            + " after 3 attempts: " + denied, denied)));
    FileSystemException notDir = new FileSystemException("/d/afile/sub", null,
        "Not a directory");
    UncheckedIOException created = new UncheckedIOException("directory /d/afile/sub of path"
        + " /d/afile/sub/access.log cannot be created: " + notDir, notDir);
    assertEquals("directory /d/afile/sub of path /d/afile/sub/access.log cannot be created:"
        + " not a directory", IoMessages.message(created));
    // a file the message does not name yet is kept with the reason
    assertEquals("a run failed: /q: no such file or directory", IoMessages.message(
        new IllegalStateException("a run failed: " + new NoSuchFileException("/q"),
            new UncheckedIOException(new NoSuchFileException("/q")))));
    // a compression's temporary file in the way: before, "is a directory" blamed the archive
    FileSystemException inTheWay = new FileSystemException("/d/.access.log.2.gz.tmp", null,
        "Is a directory");
    assertEquals("background compress failed for /d/access.log.2 after 3 attempts:"
        + " /d/.access.log.2.gz.tmp: is a directory", IoMessages.message(new UncheckedIOException(
            "background compress failed for /d/access.log.2 after 3 attempts: " + inTheWay,
            inTheWay)));
    // the denied directory is an ancestor of the one named: it is said
    AccessDeniedException parent = new AccessDeniedException("/x/logs");
    assertEquals("directory /x/logs/sub cannot be created: /x/logs: permission denied",
        IoMessages.message(new UncheckedIOException("directory /x/logs/sub cannot be created: "
            + parent, parent)));
    // both files of a two-file failure, when not named yet
    FileSystemException move = new FileSystemException("/d/.a.gz.tmp", "/d/a.gz",
        "Is a directory");
    assertEquals("move failed: /d/.a.gz.tmp -> /d/a.gz: is a directory",
        IoMessages.message(new UncheckedIOException("move failed: " + move, move)));
    assertEquals("no space left", IoMessages.message(new IllegalArgumentException(
        "no space left")), "other messages are left as they are");
  }

  @Test
  void anIoExceptionItselfIsItsFileAndItsReason() {
    assertEquals("/c.yaml: permission denied",
        IoMessages.message(new AccessDeniedException("/c.yaml")));
    assertEquals("broken pipe", IoMessages.message(new IOException("Broken pipe")));
  }
}
