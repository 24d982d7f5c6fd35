package org.huhang.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.huhang.identity.ApiTokens;
import org.huhang.identity.ChangePassword;
import org.huhang.identity.CreateApiToken;
import org.huhang.identity.CreatedApiToken;
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

/** The logged-in user's own account: its password and its personal API tokens. */
@Controller
class AccountController {

  private final Users users;
  private final ApiTokens tokens;
  private final MessageSource messages;

  AccountController(Users users, ApiTokens tokens, MessageSource messages) {
    this.users = users;
    this.tokens = tokens;
    this.messages = messages;
  }

  @GetMapping("/account/password")
  String form(Actor actor, Model model) {
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("changed", false);
    return page(actor, model, FormErrors.none(), null, null);
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
    return page(actor, model, FormErrors.none(), null, null);
  }

  /**
   * Creates a token and shows its secret in this answer only: rendered, not redirected, because a
   * redirect would carry the secret through the session (stored in the database) as a flash value.
   */
  @PostMapping("/account/tokens")
  String createToken(
      Actor actor,
      @ModelAttribute("token") CreateApiToken command,
      BindingResult binding,
      Model model) {
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("changed", false);
    FormErrors errors;
    if (binding.hasErrors()) {
      errors = FormErrors.of(binding, messages);
    } else {
      try {
        return page(actor, model, FormErrors.none(), tokens.create(command, actor), null);
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    return page(actor, model, errors, null, command);
  }

  private String page(
      Actor actor,
      Model model,
      FormErrors tokenErrors,
      CreatedApiToken created,
      CreateApiToken typed) {
    model.addAttribute("tokens", tokens.mine(actor));
    model.addAttribute("tokenErrors", tokenErrors);
    model.addAttribute("created", created);
    model.addAttribute("tokenName", typed == null ? null : typed.name());
    model.addAttribute(
        "tokenExpiresOn",
        typed == null || typed.expiresOn() == null
            ? tokens.today().plusDays(90).toString()
            : typed.expiresOn().toString());
    model.addAttribute("earliest", tokens.earliestExpiry().toString());
    model.addAttribute("latest", tokens.latestExpiry().toString());
    model.addAttribute("notice", model.getAttribute("notice"));
    return "identity/password";
  }
}
