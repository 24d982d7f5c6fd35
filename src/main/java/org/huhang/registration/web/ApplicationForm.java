package org.huhang.registration.web;

import java.time.LocalDate;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.person.Gender;

/** The application form as the browser sends it (flat fields; parties A and B). */
public record ApplicationForm(
    LocalDate receivedOn,
    String aName,
    Gender aGender,
    LocalDate aBirthDate,
    String aIdNumber,
    String aPhone,
    String bName,
    Gender bGender,
    LocalDate bBirthDate,
    String bIdNumber,
    String bPhone,
    LocalDate marriageDate,
    Integer minorChildren,
    boolean counselingOffered,
    boolean counselingAccepted) {

  static ApplicationForm blank(LocalDate today) {
    return new ApplicationForm(
        today,
        "",
        Gender.MALE,
        null,
        "",
        "",
        "",
        Gender.FEMALE,
        null,
        "",
        "",
        null,
        0,
        true,
        false);
  }

  RecordApplication command() {
    return new RecordApplication(
        receivedOn,
        new Party(aName, aGender, aBirthDate, aIdNumber, aPhone),
        new Party(bName, bGender, bBirthDate, bIdNumber, bPhone),
        marriageDate,
        minorChildren,
        counselingOffered,
        counselingAccepted);
  }

  /** The form field a rule's field name refers to ({@code partyA.idNumber} → {@code aIdNumber}). */
  static String formField(String field) {
    if (field == null) {
      return "";
    }
    if (field.startsWith("partyA.") || field.startsWith("partyB.")) {
      String rest = field.substring(7);
      return (field.charAt(5) == 'A' ? "a" : "b")
          + Character.toUpperCase(rest.charAt(0))
          + rest.substring(1);
    }
    return field;
  }
}
