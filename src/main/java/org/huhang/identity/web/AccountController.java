package org.huhang.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.huhang.identity.ChangePassword;
import org.huhang.identity.Users;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The logged-in user's own password. */
@Controller
class AccountController {

  private final Users users;
  private final MessageSource messages;

  AccountController(Users users, MessageSource messages) {
    this.users = users;
    this.messages = messages;
  }

  @GetMapping("/account/password")
  String form(Model model) {
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("changed", false);
    return "identity/password";
  }

  @PostMapping("/account/password")
  String change(
      Actor actor,
      @Validated @ModelAttribute ChangePassword command,
      BindingResult binding,
      HttpServletRequest request,
      Model model) {
    FormErrors errors = FormErrors.none();
    if (binding.hasErrors()) {
      errors = FormErrors.of(binding, messages);
    } else {
      try {
        HttpSession session = request.getSession(false);
        users.changeOwnPassword(command, actor, session == null ? null : session.getId());
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("changed", !errors.any());
    return "identity/password";
  }
}
