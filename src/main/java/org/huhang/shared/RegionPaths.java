package org.huhang.shared;

/**
 * Reading a data-scope path from the province down ("/370000/371600/371623/371623101/"): which of
 * its codes is the county. GB/T 2260 codes say it by themselves: a province's ends in 0000, a
 * city's in 00, a county's six digits end in anything else; townships and villages are longer. So
 * no caller counts slashes, which broke once already when the province was put above the city.
 */
public final class RegionPaths {

  private RegionPaths() {}

  /** The county's code on the path, or null when the path ends above a county. */
  public static String countyCode(String path) {
    int end = countyEnd(path);
    return end < 0 ? null : path.substring(end - 6, end);
  }

  /** The path down to its county ("/370000/371600/371623/"), or the path itself above a county. */
  public static String countyPath(String path) {
    int end = countyEnd(path);
    return end < 0 ? path : path.substring(0, end + 1);
  }

  /** The index of the slash after the county's code, or -1. */
  private static int countyEnd(String path) {
    int start = 1;
    while (start < path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        return -1;
      }
      if (end - start == 6 && !(path.charAt(end - 2) == '0' && path.charAt(end - 1) == '0')) {
        return end;
      }
      start = end + 1;
    }
    return -1;
  }
}
