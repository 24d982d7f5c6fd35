package org.huhang.region;

import java.util.List;

/** A region with its descendants, for {@code GET /api/v1/regions}. */
public record RegionNode(String code, String name, RegionLevel level, List<RegionNode> children) {}
