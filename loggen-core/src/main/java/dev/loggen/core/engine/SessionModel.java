package dev.loggen.core.engine;

import dev.loggen.core.random.Rng;
import java.util.List;

/**
 * The plug-in point for how a session moves between states. The generator starts every session
 * in {@link #startState()}, asks {@link #next} for each following state, and ends the session
 * when a state is {@link #isTerminal terminal} (or when the session reaches its maximum length
 * or duration, or takes as many states as it may make requests, so a model with a
 * near-absorbing loop cannot hang generation).
 *
 * <p>States are addressed by index into {@link #states()} so the hot path never hashes a name.
 * What a state does (a login request, a page view, nothing) is decided by the generator from the
 * state's name: the built-in names are in {@link States}; any other state views the site page of
 * the same name, or one page chosen by the page-navigation matrix.
 *
 * <p>Implementations must be immutable and thread-safe, and draw all randomness from the
 * {@link Rng} they are given, so a session's walk depends on its own stream only.
 */
public interface SessionModel {

  /** The state names; indices into this list identify states. */
  List<String> states();

  /** The index of the state every session starts in. */
  int startState();

  /** The index of the state that follows {@code state}, drawn with {@code rng}. */
  int next(int state, Rng rng);

  /** Whether a session in {@code state} is over. */
  boolean isTerminal(int state);

  /** The index of the state named {@code name}, or -1. */
  default int indexOf(String name) {
    return states().indexOf(name);
  }
}
