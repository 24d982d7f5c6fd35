package org.huhang.shared.demo;

import java.util.Comparator;
import java.util.List;
import org.huhang.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the {@link BinzhouHistory} in the background once the application is ready, so the login
 * page answers at once: on the demo database by default ({@code huhang.demo-history}), after the
 * recent demo data. Each module's {@link HistoryStep} runs in turn; how far they got is {@link
 * #state()}, for the home page and for figures, which say they are incomplete meanwhile. Nothing of
 * a person is logged: only steps and percentages.
 */
@Component
public class DemoHistory {

  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

  /** Where the load stands. */
  public enum Status {
    /** Not part of this installation (no demo, or switched off). */
    OFF,
    WAITING,
    LOADING,
    DONE,
    FAILED
  }

  /** A snapshot: the status, the percentage done and the step running (its message key). */
  public record State(Status status, int percent, String stepKey, long startedAtMillis) {

    /** Whether figures may still change because the history is not all in. */
    public boolean incomplete() {
      return status == Status.WAITING || status == Status.LOADING || status == Status.FAILED;
    }
  }

  private final List<HistoryStep> steps;
  private final boolean enabled;
  private final boolean background;
  private volatile State state;

  DemoHistory(List<HistoryStep> steps, DemoMode demo, Environment env) {
    this.steps = steps.stream().sorted(Comparator.comparingInt(HistoryStep::order)).toList();
    this.enabled = demo.enabled() && env.getProperty("huhang.demo-history", Boolean.class, true);
    // A test of the steps keeps the history part of the installation (the recent demo leaves its
    // period to it) without the loader starting on its own.
    this.background = env.getProperty("huhang.demo-history-background", Boolean.class, true);
    this.state = new State(enabled ? Status.WAITING : Status.OFF, 0, null, 0);
  }

  public State state() {
    return state;
  }

  /** Replaces the state: only for tests in this package, which put the old one back. */
  void state(State state) {
    this.state = state;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!enabled || !background || state.status() != Status.WAITING) {
      return;
    }
    Thread loader = new Thread(this::load, "binzhou-history");
    loader.setDaemon(true);
    loader.setPriority(Thread.NORM_PRIORITY - 1);
    loader.start();
  }

  /** Runs every step in order; also callable directly (tests, benchmarks). */
  public synchronized void load() {
    if (!enabled || state.status() == Status.DONE) {
      return;
    }
    long started = System.currentTimeMillis();
    int total = Math.max(1, steps.stream().mapToInt(HistoryStep::weight).sum());
    int before = 0;
    log.info("滨州历史数据 2018-01 至 2023-09 开始后台载入 / loading the Binzhou history in the background");
    try {
      for (HistoryStep step : steps) {
        int offset = before;
        int[] lastLogged = {-1};
        state = new State(Status.LOADING, percent(offset, total), step.labelKey(), started);
        step.load(
            fraction -> {
              double f = Math.max(0, Math.min(1, fraction));
              int percent = percent(offset + f * step.weight(), total);
              state = new State(Status.LOADING, percent, step.labelKey(), started);
              if (percent / 10 != lastLogged[0]) {
                lastLogged[0] = percent / 10;
                log.info("滨州历史数据载入 {}% ({})", percent, step.labelKey());
              }
            });
        before += step.weight();
      }
      state = new State(Status.DONE, 100, null, started);
      log.info(
          "滨州历史数据载入完成，用时 {} 秒 / Binzhou history loaded in {} s",
          (System.currentTimeMillis() - started) / 1000.0,
          (System.currentTimeMillis() - started) / 1000.0);
    } catch (RuntimeException e) {
      state = new State(Status.FAILED, state.percent(), state.stepKey(), started);
      log.error(
          "滨州历史数据载入失败，下次启动时继续 / the Binzhou history failed to load; the next start resumes it", e);
    }
  }

  private static int percent(double done, int total) {
    return (int) Math.min(99, Math.floor(done * 100 / total));
  }
}
