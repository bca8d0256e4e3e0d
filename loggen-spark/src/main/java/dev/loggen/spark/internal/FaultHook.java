package dev.loggen.spark.internal;

import java.io.IOException;
import java.io.Serializable;

/**
 * A test seam: told after every chunk a slice writer hands to its temporary file, so a test can
 * make a chosen attempt of a chosen slice fail half-way, as a killed task would.
 */
@FunctionalInterface
public interface FaultHook extends Serializable {
  /**
   * Called after a chunk went to the temporary file.
   *
   * @param slice the slice index
   * @param attemptNumber the Spark attempt number of the task, from 0
   * @param lines lines written so far
   * @throws IOException to fail the attempt as a write error would
   */
  void afterChunk(int slice, int attemptNumber, long lines) throws IOException;
}
