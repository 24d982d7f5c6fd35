package org.huhang.shared;

/**
 * The part of the region tree a user may see: its home region's path. Queries take {@link
 * #likePattern()} as a bind parameter ({@code region_path LIKE :scope}); it is never spliced into
 * SQL.
 */
public record DataScope(String regionPath) {

  /** Compiled once: every request builds its actor's scope (String.matches compiled each time). */
  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("(/\\d{6,12})+/");

  public DataScope {
    if (regionPath == null || !PATH.matcher(regionPath).matches()) {
      throw new IllegalArgumentException("malformed region path");
    }
  }

  public boolean covers(String otherPath) {
    return otherPath != null && otherPath.startsWith(regionPath);
  }

  /** A LIKE pattern; paths hold only digits and slashes, so nothing needs escaping. */
  public String likePattern() {
    return regionPath + "%";
  }
}
