package org.huhang.shared;

/**
 * The roles of SPEC §2. {@code rank} orders the administrative ladder: a user may only grant roles
 * whose rank is not above its own.
 */
public enum Role {
  CITY_ADMIN(3),
  COUNTY_ADMIN(2),
  CENTER_MANAGER(1),
  COUNSELOR(0),
  REGISTRAR(0),
  ANALYST(0);

  private final int rank;

  Role(int rank) {
    this.rank = rank;
  }

  public boolean isAdministrator() {
    return this == CITY_ADMIN || this == COUNTY_ADMIN;
  }

  /** Whether a user with this role may create or manage a user with {@code other}. */
  public boolean mayGrant(Role other) {
    return isAdministrator() && other.rank <= rank;
  }

  public String authority() {
    return "ROLE_" + name();
  }
}
