package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Session;
import dev.loggen.core.Visitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One simulated session: its events in time order, a cursor for merging, and its summary. */
final class SessionRun {
  final long id;
  final long startMillis;
  final Visitor visitor;
  final AccessEvent[] events;
  final int size;
  final int[] states;
  final int stateCount;
  final String endState;
  final int pageViews;
  final @Nullable String scenario;
  /**
   * The events' times, side by side: the block merge scans them without touching the event
   * objects (which would be a cache miss per event, long after they were made).
   */
  final long[] times;
  int cursor;

  SessionRun(long id, long startMillis, Visitor visitor, AccessEvent[] events, int size,
      int[] states, int stateCount, String endState, int pageViews, @Nullable String scenario) {
    this.id = id;
    this.startMillis = startMillis;
    this.visitor = visitor;
    this.events = events;
    this.size = size;
    this.states = states;
    this.stateCount = stateCount;
    this.endState = endState;
    this.pageViews = pageViews;
    this.scenario = scenario;
    long[] t = new long[size];
    for (int i = 0; i < size; i++) {
      t[i] = events[i].epochMillis();
    }
    this.times = t;
  }

  /**
   * When the session starts, as {@link dev.loggen.core.Session#start()} tells it: its first
   * request (a scanner may wait before its first probe), or its arrival when it made none.
   */
  long firstMillis() {
    return size == 0 ? startMillis : times[0];
  }

  long lastMillis() {
    return size == 0 ? startMillis : times[size - 1];
  }

  Session toSession(List<String> stateNames) {
    List<String> taken = new ArrayList<>(stateCount);
    for (int i = 0; i < stateCount; i++) {
      taken.add(stateNames.get(states[i]));
    }
    return new Session(id, visitor, Instant.ofEpochMilli(firstMillis()),
        Instant.ofEpochMilli(lastMillis()), taken, size, pageViews, endState, scenario);
  }
}
