package org.huhang.casework;

/** How a related person belongs to the family of a case. */
public enum Relation {
  CHILD,
  PARENT,
  PARENT_IN_LAW,
  SIBLING,
  OTHER_RELATIVE
}
