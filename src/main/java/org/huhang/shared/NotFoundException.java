package org.huhang.shared;

/**
 * A record that does not exist or lies outside the caller's data scope: both answer 404 so that
 * existence does not leak.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
