package org.huhang.volunteer;

/** The whole identity number and phone, shown on an explicit, audited request. */
public record RevealedContact(String idNumber, String phone) {}
