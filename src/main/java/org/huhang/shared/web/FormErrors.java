package org.huhang.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huhang.shared.DomainException;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The errors of a submitted form, by field, in the user's language; the key {@code ""} holds errors
 * about the form as a whole. Templates show each next to its field. {@code typed} keeps what was
 * typed into a field that could not be read (a date that does not exist), so the form shows it
 * again instead of an empty box.
 */
public record FormErrors(Map<String, String> byField, Map<String, String> typed) {

  public FormErrors(Map<String, String> byField) {
    this(byField, Map.of());
  }

  public static FormErrors none() {
    return new FormErrors(Map.of());
  }

  public static FormErrors of(BindingResult result, MessageSource messages) {
    Map<String, String> map = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    for (FieldError fe : result.getFieldErrors()) {
      String message =
          fe.isBindingFailure()
              ? unreadable(fe, messages)
              : messages.getMessage(fe, LocaleContextHolder.getLocale());
      map.putIfAbsent(fe.getField(), message);
      if (fe.isBindingFailure() && fe.getRejectedValue() != null) {
        typed.putIfAbsent(
            fe.getField(), ControlCharacters.removed(String.valueOf(fe.getRejectedValue())));
      }
    }
    result
        .getGlobalErrors()
        .forEach(
            ge -> map.putIfAbsent("", messages.getMessage(ge, LocaleContextHolder.getLocale())));
    return new FormErrors(map, typed);
  }

  /**
   * Why a field's text could not be read, saying what was typed: a date that does not exist, a
   * number that is none, as the imports say it.
   */
  /** What was typed, as a message quotes it: visible characters only, and never a whole page. */
  static String quoted(Object rejected) {
    String typed =
        rejected == null
            ? ""
            : org.huhang.shared.text.ControlCharacters.removed(String.valueOf(rejected));
    return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
  }

  private static String unreadable(FieldError fe, MessageSource messages) {
    String typed = quoted(fe.getRejectedValue());
    String key = "error.typeMismatch";
    for (String code : fe.getCodes() == null ? new String[0] : fe.getCodes()) {
      if (code.equals("typeMismatch.java.lang.String")) {
        // Only TextInputAdvice refuses a text: it held a control character.
        return messages.getMessage("error.controlCharacter", null, LocaleContextHolder.getLocale());
      }
      if (code.equals("typeMismatch.java.time.LocalDateTime")) {
        key = "import.row.dateTime";
        break;
      }
      if (code.startsWith("typeMismatch.java.time.")) {
        key = "import.row.date";
        break;
      }
      if (code.equals("typeMismatch.java.lang.Integer")
          || code.equals("typeMismatch.int")
          || code.equals("typeMismatch.java.lang.Long")) {
        key = "import.row.integer";
        break;
      }
    }
    return messages.getMessage(key, new Object[] {typed}, LocaleContextHolder.getLocale());
  }

  /**
   * These errors and the rules' problems of the other fields: a field that could not be read keeps
   * its own error, every other field gets the rule's.
   */
  public FormErrors and(List<DomainException.FieldProblem> problems, MessageSource messages) {
    Map<String, String> map = new LinkedHashMap<>(byField);
    for (DomainException.FieldProblem p : problems) {
      map.putIfAbsent(
          p.field() == null ? "" : p.field(),
          messages.getMessage(
              p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale()));
    }
    return new FormErrors(map, typed);
  }

  /** What was typed into a field that could not be read, else the value the form holds. */
  public String typedOr(String field, String value) {
    return typed.getOrDefault(field, value);
  }

  public static FormErrors of(DomainException e, MessageSource messages) {
    Map<String, String> map = new LinkedHashMap<>();
    for (DomainException.FieldProblem p : e.problems()) {
      map.putIfAbsent(
          p.field() == null ? "" : p.field(),
          messages.getMessage(
              p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale()));
    }
    return new FormErrors(map);
  }

  /** Every message of the fields named {@code prefix…}, in order: a form's rows, each reported. */
  public java.util.List<String> under(String prefix) {
    return byField.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .map(Map.Entry::getValue)
        .toList();
  }

  public boolean any() {
    return !byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String get(String field) {
    return byField.get(field);
  }

  /** Bootstrap's class for a field: {@code is-invalid} when it has an error. */
  public String css(String field) {
    return has(field) ? "form-control is-invalid" : "form-control";
  }

  public String selectCss(String field) {
    return has(field) ? "form-select is-invalid" : "form-select";
  }
}
