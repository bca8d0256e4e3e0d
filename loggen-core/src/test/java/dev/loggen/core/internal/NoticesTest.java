package dev.loggen.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers in messages are printed as given: a rate of 1e-10 lines per second was "at 0 lines/s"
 * (three decimals); small values now get three significant digits.
 */
class NoticesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2000, '2,000'", "0.5, 0.5", "12.25, 12.25", "1234567.125, '1,234,567.125'",
      "0, 0", "0.001, 0.001", "0.0001, 0.0001", "0.000123456, 0.000123", "1e-9, 0.000000001",
      "1e-10, 1e-10", "-0.0005, -0.0005", "1.5e-300, 1.5e-300"})
  void numbersArePrintedAsGiven(double value, String text) {
    assertEquals(text, Notices.number(value));
  }
}
