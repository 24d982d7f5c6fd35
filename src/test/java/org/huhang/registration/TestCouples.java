package org.huhang.registration;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/**
 * One way to build a test couple's application: valid identity numbers of the county (unclaimed
 * sequence codes, see {@link DivorceApplicationIntegrationTest#id}), birth dates taken from them,
 * married 2015-05-20, no minor children, no phones.
 */
public final class TestCouples {

  private TestCouples() {}

  /**
   * A couple of the county, he born on {@code hisBirth}, she on {@code herBirth}, whose application
   * was received on {@code received}; counseling offered and, if {@code accepted}, accepted.
   */
  public static RecordApplication couple(
      String county,
      String husband,
      String hisBirth,
      String wife,
      String herBirth,
      LocalDate received,
      boolean offered,
      boolean accepted) {
    String a = DivorceApplicationIntegrationTest.id(county, hisBirth, true);
    String b = DivorceApplicationIntegrationTest.id(county, herBirth, false);
    return new RecordApplication(
        received,
        new Party(husband, Gender.MALE, LocalDate.parse(hisBirth), a, null),
        new Party(wife, Gender.FEMALE, LocalDate.parse(herBirth), b, null),
        LocalDate.of(2015, 5, 20),
        0,
        offered,
        accepted);
  }
}
