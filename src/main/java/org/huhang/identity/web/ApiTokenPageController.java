package org.huhang.identity.web;

import java.util.UUID;
import org.huhang.identity.ApiTokenView;
import org.huhang.identity.ApiTokens;
import org.huhang.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Revoking a personal API token, asked for on a page that says what it does (it cannot be undone):
 * the user's own from its account page, an administrator's of a user it manages from that user's
 * page.
 */
@Controller
class ApiTokenPageController {

  private final ApiTokens tokens;
  private final MessageSource messages;

  ApiTokenPageController(ApiTokens tokens, MessageSource messages) {
    this.tokens = tokens;
    this.messages = messages;
  }

  @GetMapping("/account/tokens/{id}/revoke")
  String confirmOwn(@PathVariable UUID id, Actor actor, Model model) {
    ApiTokenView token = tokens.mineOne(id, actor);
    model.addAttribute("token", token);
    model.addAttribute(
        "question", text("apiToken.revoke.question", token.name(), token.expiresOn()));
    model.addAttribute("action", "/account/tokens/" + id + "/revoke");
    model.addAttribute("cancelHref", "/account/password#api-tokens");
    model.addAttribute("parentHref", "/account/password");
    model.addAttribute("parentLabel", text("account.title"));
    return "identity/apiTokenRevoke";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeOwn(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    ApiTokenView token = tokens.mineOne(id, actor);
    tokens.revokeOwn(id, actor);
    redirect.addFlashAttribute("notice", text("apiToken.revoked.notice", token.name()));
    return "redirect:/account/password#api-tokens";
  }

  @GetMapping("/api-tokens/{id}/revoke")
  String confirmManaged(@PathVariable UUID id, Actor actor, Model model) {
    ApiTokens.ManagedToken managed = tokens.managed(id, actor);
    model.addAttribute("token", managed.token());
    model.addAttribute(
        "question",
        text(
            "apiToken.revoke.questionOf",
            managed.token().name(),
            managed.token().expiresOn(),
            managed.displayName(),
            managed.username()));
    model.addAttribute("action", "/api-tokens/" + id + "/revoke");
    model.addAttribute("cancelHref", "/users/" + managed.userId() + "#api-tokens");
    model.addAttribute("parentHref", "/users/" + managed.userId());
    model.addAttribute("parentLabel", managed.username());
    return "identity/apiTokenRevoke";
  }

  @PostMapping("/api-tokens/{id}/revoke")
  String revokeManaged(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    ApiTokens.ManagedToken managed = tokens.revokeManaged(id, actor);
    redirect.addFlashAttribute(
        "notice",
        text(
            "apiToken.revokedOf.notice",
            managed.token().name(),
            managed.displayName(),
            managed.username()));
    return "redirect:/users/" + managed.userId();
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
