package org.huhang.region;

/** A region as other modules and the API see it. {@code path} is the data-scope path. */
public record RegionView(
    String code, String parentCode, String name, RegionLevel level, String path) {}
