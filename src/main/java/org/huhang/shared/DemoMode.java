package org.huhang.shared;

/**
 * Whether the Binzhou demo data set is loaded: by default on the embedded database, off on an
 * external one; {@code huhang.demo} decides when set.
 */
public record DemoMode(boolean enabled) {}
