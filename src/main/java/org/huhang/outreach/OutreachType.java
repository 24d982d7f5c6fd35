package org.huhang.outreach;

/** The kinds of outreach event the federation reports on. */
public enum OutreachType {
  PREMARITAL_EDUCATION,
  MARRIAGE_LECTURE,
  FAMILY_EDUCATION,
  COMMUNITY_PUBLICITY,
  MEDIA_PROGRAMME,
  OTHER
}
