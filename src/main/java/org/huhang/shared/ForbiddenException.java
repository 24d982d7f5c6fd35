package org.huhang.shared;

/** The caller's role may not do this at all (a record's existence is not at stake here). */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String what) {
    super(what);
  }
}
