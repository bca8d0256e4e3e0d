package dev.loggen.spark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A file system whose server cannot be reached, as {@code hdfs://localhost:1/}: every operation
 * fails with a {@link ConnectException}. Register it for a scheme with
 * {@code fs.<scheme>.impl}.
 */
public final class UnreachableFileSystem extends FileSystem {
  private URI uri = URI.create("unreachable:///");

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    this.uri = URI.create(name.getScheme() + "://" + name.getAuthority() + "/");
  }

  private static IOException refused() {
    return new ConnectException("Connection refused (test)");
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    throw refused();
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress)
      throws IOException {
    throw refused();
  }

  @Override
  public FSDataOutputStream append(Path f, int bufferSize, Progressable progress)
      throws IOException {
    throw refused();
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    throw refused();
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    throw refused();
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    throw refused();
  }

  @Override
  public void setWorkingDirectory(Path newDir) {}

  @Override
  public Path getWorkingDirectory() {
    return new Path(uri);
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    throw refused();
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    throw refused();
  }
}
