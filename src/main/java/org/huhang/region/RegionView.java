package org.huhang.region;

/**
 * A region as other modules and the API see it. {@code path} is the data-scope path; a closed
 * region (撤销) stays for the data that uses it but is offered for nothing new.
 */
public record RegionView(
    String code, String parentCode, String name, RegionLevel level, String path, boolean closed) {

  public RegionView(String code, String parentCode, String name, RegionLevel level, String path) {
    this(code, parentCode, name, level, path, false);
  }
}
