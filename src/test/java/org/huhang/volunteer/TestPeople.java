package org.huhang.volunteer;

import java.util.concurrent.atomic.AtomicInteger;
import org.huhang.shared.person.ResidentIdNumber;

/** Valid, unique identity numbers and phones for tests that share one database. */
public final class TestPeople {

  private static final AtomicInteger NEXT = new AtomicInteger(100);

  private TestPeople() {}

  /** A woman born on 1985-MM-DD in the given county, with a fresh sequence number. */
  public static String womanId(String county) {
    int n = NEXT.getAndIncrement();
    String first17 =
        county
            + "1985"
            + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
            + String.format("%03d", (n * 2) % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  public static String birthDateOf(String id) {
    return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
  }

  public static String phone() {
    return String.format("1990000%04d", NEXT.getAndIncrement());
  }
}
