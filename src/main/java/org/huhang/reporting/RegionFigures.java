package org.huhang.reporting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The figures of one region (a child of the region asked for), with its code and name. */
public record RegionFigures(String regionCode, String name, @JsonUnwrapped Figures figures) {}
