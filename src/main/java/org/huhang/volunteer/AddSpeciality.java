package org.huhang.volunteer;

/** Add an entry to the speciality dictionary; the code is taken in upper case. */
public record AddSpeciality(String code, String nameZh, String nameEn) {}
