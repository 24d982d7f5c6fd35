package org.huhang.identity.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.text.ControlCharacters;

/**
 * The rules of personal API tokens: what a name and an expiry may be, and who manages whose tokens
 * (every user its own; an administrator those of the users it manages, as for disabling them).
 */
public final class ApiTokenPolicy {

  public static final int NAME_MAX = 50;

  private ApiTokenPolicy() {}

  /** Every problem of a new token's fields; {@code today} is a date of Asia/Shanghai. */
  public static List<FieldProblem> problems(String name, LocalDate expiresOn, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      problems.add(new FieldProblem("name", "apiToken.name.required", new Object[0]));
    } else if (trimmed.length() > NAME_MAX) {
      problems.add(new FieldProblem("name", "apiToken.name.tooLong", new Object[] {NAME_MAX}));
    } else if (ControlCharacters.present(trimmed)) {
      problems.add(new FieldProblem("name", "apiToken.name.controlCharacter", new Object[0]));
    } else if (trimmed.indexOf('<') >= 0 || trimmed.indexOf('>') >= 0) {
      // A label to recognise a token by: markup has no place in it.
      problems.add(new FieldProblem("name", "apiToken.name.markup", new Object[0]));
    }
    LocalDate latest = latestExpiry(today);
    if (expiresOn == null) {
      problems.add(new FieldProblem("expiresOn", "apiToken.expiresOn.required", new Object[0]));
    } else if (!expiresOn.isAfter(today)) {
      problems.add(
          new FieldProblem(
              "expiresOn", "apiToken.expiresOn.notFuture", new Object[] {today.plusDays(1)}));
    } else if (expiresOn.isAfter(latest)) {
      problems.add(
          new FieldProblem("expiresOn", "apiToken.expiresOn.tooLate", new Object[] {latest}));
    }
    return problems;
  }

  public static LocalDate earliestExpiry(LocalDate today) {
    return today.plusDays(1);
  }

  public static LocalDate latestExpiry(LocalDate today) {
    return today.plusYears(1);
  }

  /** An administrator revokes tokens of users whose role it could grant (as for disabling). */
  public static void requireMayManageTokensOf(Actor actor, UserRow user) {
    IdentityPolicy.requireUserManager(actor);
    if (!user.id().equals(actor.userId())) {
      IdentityPolicy.requireMayGrant(actor, user.role());
    }
  }
}
