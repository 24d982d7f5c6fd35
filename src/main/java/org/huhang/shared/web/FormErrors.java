package org.huhang.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.huhang.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The errors of a submitted form, by field, in the user's language; the key {@code ""} holds errors
 * about the form as a whole. Templates show each next to its field.
 */
public record FormErrors(Map<String, String> byField) {

  public static FormErrors none() {
    return new FormErrors(Map.of());
  }

  public static FormErrors of(BindingResult result, MessageSource messages) {
    Map<String, String> map = new LinkedHashMap<>();
    for (FieldError fe : result.getFieldErrors()) {
      String message =
          fe.isBindingFailure()
              ? messages.getMessage("error.typeMismatch", null, LocaleContextHolder.getLocale())
              : messages.getMessage(fe, LocaleContextHolder.getLocale());
      map.putIfAbsent(fe.getField(), message);
    }
    result
        .getGlobalErrors()
        .forEach(
            ge -> map.putIfAbsent("", messages.getMessage(ge, LocaleContextHolder.getLocale())));
    return new FormErrors(map);
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
