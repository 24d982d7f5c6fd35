package org.huhang.shared.demo;

import java.util.List;
import org.huhang.shared.DataScope;

/**
 * A city whose history a {@link HistoryStep} writes: Binzhou for the demo; for the province
 * benchmark (bench/run-scale.sh -Dprovince=true) each of Shandong's sixteen cities, with seven
 * counties shaped like Binzhou's, its own seed and its own multiple of Binzhou's volume.
 *
 * @param code the city's six-digit code (371600)
 * @param name its name (滨州市)
 * @param counties its seven county codes, in the order of {@link BinzhouHistory#COUNTIES}, whose
 *     weights they take
 * @param seed mixed into the plan's seed, 0 for Binzhou (whose plan stays the published one)
 */
public record HistoryCity(String code, String name, List<String> counties, long seed) {

  /** Shandong, the province every city of the tree lies in. */
  public static final String PROVINCE = "370000";

  public static final HistoryCity BINZHOU =
      new HistoryCity(BinzhouHistory.CITY, "滨州市", BinzhouHistory.COUNTIES, 0);

  public HistoryCity {
    counties = List.copyOf(counties);
    if (counties.size() != BinzhouHistory.COUNTIES.size()) {
      throw new IllegalArgumentException("a history city has seven counties");
    }
  }

  /** The city's data-scope path below the province: /370000/371600/. */
  public String path() {
    return "/" + PROVINCE + "/" + code + "/";
  }

  public DataScope scope() {
    return new DataScope(path());
  }

  /** The path of one of its counties: /370000/371600/371623/. */
  public String countyPath(String county) {
    return path() + county + "/";
  }

  public boolean isBinzhou() {
    return code.equals(BinzhouHistory.CITY);
  }
}
