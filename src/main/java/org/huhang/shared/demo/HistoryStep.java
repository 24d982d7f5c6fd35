package org.huhang.shared.demo;

/**
 * One module's part of loading the {@link BinzhouHistory}: the module writes the plan's records
 * through its own import or services. A step is idempotent: it finds what an earlier, interrupted
 * load already wrote and does only the rest, so a restart mid-way ends with the same data set.
 */
public interface HistoryStep {

  /** Steps run in this order: applications before the cases opened for them. */
  int order();

  /** The step's share of the progress bar, in any unit. */
  int weight();

  /** The message key naming what the step loads, for the home page and the log. */
  String labelKey();

  /** Loads what is missing, telling {@code progress} how far it got (0 to 1). */
  default void load(Progress progress) {
    load(progress, 1);
  }

  /**
   * Loads what is missing of the plan of {@code scale} cities like Binzhou ({@link
   * BinzhouHistory#couples(int)}, volunteers and events times {@code scale}); 1 is the demo's own,
   * larger scales are for the benchmarks (bench/run-scale.sh) on a database of their own.
   */
  default void load(Progress progress, int scale) {
    load(progress, scale, HistoryCity.BINZHOU);
  }

  /**
   * Loads what is missing of {@code city}'s plan at {@code scale} ({@link
   * BinzhouHistory#couples(HistoryCity, int)}): Binzhou for the demo, each of Shandong's cities in
   * turn for the province benchmark, on a region tree that holds the city and its counties.
   */
  void load(Progress progress, int scale, HistoryCity city);

  /** Told by a step as it goes. */
  @FunctionalInterface
  interface Progress {
    void done(double fraction);
  }
}
