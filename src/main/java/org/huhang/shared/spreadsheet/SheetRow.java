package org.huhang.shared.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.huhang.shared.DomainException.FieldProblem;

/**
 * One data row of an uploaded sheet, read by field name, and the problems found in it. The readers
 * report a cell they cannot read (a date that does not exist, a choice not in the list, an identity
 * number stored as a number) once; the record's rules reported after do not repeat that column.
 */
public final class SheetRow {

  private final int number;
  private final List<SheetCell> cells;
  private final Map<String, Integer> indexByField;
  private final List<FieldProblem> problems = new ArrayList<>();

  SheetRow(int number, List<SheetCell> cells, Map<String, Integer> indexByField) {
    this.number = number;
    this.cells = cells;
    this.indexByField = indexByField;
  }

  /** The row number Excel shows (the header is row 1). */
  public int number() {
    return number;
  }

  public String text(String field) {
    return cell(field).text();
  }

  /** A date in any of the forms offices type; empty is null; an impossible date is a problem. */
  public LocalDate date(String field) {
    String text = text(field);
    if (text.isEmpty()) {
      return null;
    }
    Optional<LocalDate> day = Dates.parseLoose(text);
    if (day.isEmpty()) {
      problem(field, "import.row.date", text);
    }
    return day.orElse(null);
  }

  /** One of the values whose label (in the sheet's language) the cell holds; empty is null. */
  public <E> E choice(String field, E[] values, Function<E, String> label) {
    String text = text(field);
    if (text.isEmpty()) {
      return null;
    }
    for (E value : values) {
      if (label.apply(value).equals(text)) {
        return value;
      }
    }
    problem(field, "import.row.choice", text);
    return null;
  }

  /** A whole number; empty is {@code ifEmpty}. */
  public Integer integer(String field, Integer ifEmpty) {
    String text = text(field);
    if (text.isEmpty()) {
      return ifEmpty;
    }
    try {
      return new BigDecimal(text).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      problem(field, "import.row.integer", text);
      return null;
    }
  }

  /** 是/否 (or true/false, 1/0); empty is no. */
  public boolean yesNo(String field) {
    String text = text(field);
    if (text.isEmpty() || text.equals("否") || text.equalsIgnoreCase("false") || text.equals("0")) {
      return false;
    }
    if (text.equals("是") || text.equalsIgnoreCase("true") || text.equals("1")) {
      return true;
    }
    problem(field, "import.row.yesNo", text);
    return false;
  }

  /**
   * An identity number as text. Stored as an Excel number its last digits are already rounded away:
   * a problem, and null.
   */
  public String identityNumber(String field) {
    SheetCell cell = cell(field);
    if (cell.numeric()) {
      problem(field, "import.row.idAsNumber");
      return null;
    }
    return cell.text();
  }

  public void problem(String field, String messageKey, Object... args) {
    problems.add(new FieldProblem(field, messageKey, args));
  }

  /** Problems of the record's rules; a column already reported for its cell is not repeated. */
  public void problems(List<FieldProblem> ruleProblems) {
    List<String> reported = problems.stream().map(this::columnOf).toList();
    for (FieldProblem p : ruleProblems) {
      if (!reported.contains(columnOf(p))) {
        problems.add(p);
      }
    }
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<FieldProblem> problemList() {
    return Collections.unmodifiableList(problems);
  }

  /** The index of the field's column, or -1 when the field has no column of its own. */
  int columnIndex(String field) {
    return field == null ? -1 : indexByField.getOrDefault(field, -1);
  }

  private String columnOf(FieldProblem p) {
    return String.valueOf(columnIndex(p.field()));
  }

  private SheetCell cell(String field) {
    Integer index = indexByField.get(field);
    if (index == null) {
      throw new IllegalArgumentException("no column for field " + field);
    }
    return cells.get(index);
  }
}
