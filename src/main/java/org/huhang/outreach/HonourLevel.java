package org.huhang.outreach;

/** The level of the body that gave an honour, from the county up. */
public enum HonourLevel {
  COUNTY,
  CITY,
  PROVINCIAL,
  NATIONAL
}
