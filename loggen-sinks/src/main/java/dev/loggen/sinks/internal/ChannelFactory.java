package dev.loggen.sinks.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the file channels a rotating sink writes through: the active file and the temporary
 * files of compression. Tests replace it to inject faults (a disk that fills up, a write that
 * fails a few times).
 */
@FunctionalInterface
public interface ChannelFactory {

  /** The default: {@link FileChannel#open(Path, OpenOption...)}. */
  ChannelFactory DEFAULT = FileChannel::open;

  /**
   * Opens a channel to {@code path}.
   *
   * @param path the file to open
   * @param options how to open it, as for {@link FileChannel#open(Path, OpenOption...)}
   * @return the open channel
   * @throws IOException when the file cannot be opened
   */
  FileChannel open(Path path, OpenOption... options) throws IOException;
}
