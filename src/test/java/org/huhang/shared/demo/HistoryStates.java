package org.huhang.shared.demo;

/**
 * Lets a test see the application while the history is loading (or failed, or done), in the context
 * all integration tests share: {@code try (var s = HistoryStates.pretend(history, state)) {…}} puts
 * the previous state back when the block ends.
 */
public final class HistoryStates {

  private HistoryStates() {}

  /** The previous state, put back by {@link #close()}. */
  public static final class Restore implements AutoCloseable {
    private final DemoHistory history;
    private final DemoHistory.State previous;

    private Restore(DemoHistory history, DemoHistory.State previous) {
      this.history = history;
      this.previous = previous;
    }

    @Override
    public void close() {
      history.state(previous);
    }
  }

  public static Restore pretend(DemoHistory history, DemoHistory.State state) {
    Restore restore = new Restore(history, history.state());
    history.state(state);
    return restore;
  }

  public static DemoHistory.State loading(int percent, String stepKey) {
    return new DemoHistory.State(
        DemoHistory.Status.LOADING, percent, stepKey, System.currentTimeMillis());
  }

  public static DemoHistory.State of(DemoHistory.Status status, int percent) {
    return new DemoHistory.State(status, percent, null, System.currentTimeMillis());
  }
}
