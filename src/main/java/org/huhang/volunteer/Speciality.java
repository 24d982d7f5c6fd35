package org.huhang.volunteer;

/** An entry of the speciality dictionary that administrators maintain. */
public record Speciality(String code, String nameZh, String nameEn, boolean active) {

  public String name(boolean english) {
    return english ? nameEn : nameZh;
  }
}
