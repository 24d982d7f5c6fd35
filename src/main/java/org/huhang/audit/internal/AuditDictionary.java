package org.huhang.audit.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit trail in words: every action code written by the modules (each has the message key
 * {@code audit.action.<code>}), the object types ({@code audit.entity.<type>}), and where an
 * object's page is. A code not listed here is shown as it is, so that a new one is never hidden.
 */
public final class AuditDictionary {

  /**
   * Every action code recorded, grouped by subject as the menu is; the filter offers them in this
   * order. Written as subject and verbs: an action such as the volunteer's hours is then never read
   * as the name of another module's table.
   */
  public static final List<String> ACTIONS =
      Stream.of(
              List.of("login", "login.failed", "logout"),
              group("user", "create", "password"),
              group("api-token", "create", "revoke", "newAddress"),
              group("region", "create", "rename", "close"),
              group("center", "create", "update", "delete"),
              group("volunteer", "create", "update", "import", "hours", "qualification"),
              group("speciality", "create"),
              List.of("read.sensitive"),
              group(
                  "application",
                  "create",
                  "import",
                  "withdraw",
                  "certificate",
                  "deemWithdrawn",
                  "caseOpened",
                  "caseOpened.bulk",
                  "counseling",
                  "deadlines.recomputed",
                  "print.receipt",
                  "print.withdrawal"),
              group("calendar", "year.create", "days", "day.remove", "year.publish"),
              group("referral", "accept", "pass"),
              group("system", "backup"),
              group("audit", "verify"),
              group("retention", "policy", "anonymise"),
              group("data-key", "run", "reseal", "retire"),
              group(
                  "privacy",
                  "search",
                  "export",
                  "correct.name",
                  "correct.phone",
                  "correct.gender",
                  "correct.birthDate",
                  "erase"))
          .flatMap(List::stream)
          .toList();

  private static List<String> group(String subject, String... verbs) {
    return Stream.of(verbs).map(v -> subject + "." + v).toList();
  }

  /** Every object type recorded. */
  public static final List<String> ENTITY_TYPES =
      List.of(
          "user",
          "api-token",
          "region",
          "center",
          "volunteer",
          "speciality",
          "divorce-application",
          "calendar",
          "referral",
          "backup",
          "audit-chain",
          "retention",
          "data-key",
          "person-request");

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private AuditDictionary() {}

  public static boolean knownAction(String action) {
    return ACTIONS.contains(action);
  }

  public static boolean knownEntityType(String type) {
    return ENTITY_TYPES.contains(type);
  }

  /** The id as a person reads it in a list: a UUID's first eight characters, else the id. */
  public static String shortId(String id) {
    if (id == null) {
      return "";
    }
    return UUID.matcher(id).matches() ? id.substring(0, 8) : id;
  }

  /** The page of the object, where it has one; else null. */
  public static String link(String type, String id) {
    if (type == null || id == null) {
      return null;
    }
    if (UUID.matcher(id).matches()) {
      return switch (type) {
        case "center" -> "/centers/" + id;
        case "volunteer" -> "/volunteers/" + id;
        case "divorce-application" -> "/registrations/" + id;
        case "user" -> "/users/" + id;
        default -> null;
      };
    }
    if (type.equals("region") && id.matches("\\d{2,12}")) {
      return "/regions/" + id;
    }
    if (type.equals("calendar") && id.matches("\\d{4}(-\\d{2}-\\d{2})?")) {
      return "/calendar/" + id.substring(0, 4);
    }
    return null;
  }
}
