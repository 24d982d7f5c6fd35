package org.huhang.casework;

/** One of the spouses of a case. */
public enum PartyRole {
  A,
  B
}
