package dev.loggen.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop {@link Configuration} that can travel to Spark tasks (Configuration itself is
 * {@code Writable}, not {@code Serializable}), so tasks reach the file system with the driver's
 * settings: credentials and endpoints given as {@code spark.hadoop.*}, {@code core-site.xml}.
 *
 * @serial exclude
 */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient Configuration conf;

  /**
   * Wraps a copy of {@code conf}.
   *
   * @param conf the configuration
   */
  public HadoopConf(Configuration conf) {
    this.conf = new Configuration(Objects.requireNonNull(conf, "conf"));
  }

  /** {@return the configuration} */
  public Configuration get() {
    return conf;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    Configuration c = new Configuration(false);
    c.readFields(in);
    this.conf = c;
  }
}
