package org.huhang.shared;

import java.util.List;

/**
 * A request that breaks a business rule. It carries message keys (resolved in the user's language
 * by the web layer), each optionally tied to the input field it is about.
 */
public class DomainException extends RuntimeException {

  private final List<FieldProblem> problems;

  public DomainException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "rule violated" : problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  public static DomainException of(String field, String messageKey, Object... args) {
    return new DomainException(List.of(new FieldProblem(field, messageKey, args)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One reason; {@code field} is null when the problem is about the request as a whole. */
  public record FieldProblem(String field, String messageKey, Object[] args) {}
}
