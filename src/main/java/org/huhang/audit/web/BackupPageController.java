package org.huhang.audit.web;

import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.huhang.shared.database.EmbeddedBackups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city administrator's backups of the embedded database (issue 14): the list and a button that
 * writes one now ({@link BackupApiController} does the same for a script). Each backup is audited.
 * With an external database the page says how that one is backed up instead.
 */
@Controller
class BackupPageController {

  private final ObjectProvider<EmbeddedBackups> backups;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final TransactionTemplate transactions;

  BackupPageController(
      ObjectProvider<EmbeddedBackups> backups,
      AuditTrail audit,
      MessageSource messages,
      TransactionTemplate transactions) {
    this.backups = backups;
    this.audit = audit;
    this.messages = messages;
    this.transactions = transactions;
  }

  static void requireCityAdministrator(Actor actor) {
    if (actor.role() != Role.CITY_ADMIN) {
      throw new ForbiddenException("backups are the city administrator's");
    }
  }

  @GetMapping("/system/backups")
  String page(Actor actor, Model model) {
    requireCityAdministrator(actor);
    EmbeddedBackups embedded = backups.getIfAvailable();
    model.addAttribute("embedded", embedded != null);
    model.addAttribute("directory", embedded == null ? "" : embedded.directory().toString());
    state(embedded, model);
    return "audit/backups";
  }

  /** The list and the backup being written, polled by the page every 2 s while one is. */
  @GetMapping("/system/backups/state")
  String state(Actor actor, Model model) {
    requireCityAdministrator(actor);
    state(backups.getIfAvailable(), model);
    return "audit/backupState";
  }

  private static void state(EmbeddedBackups embedded, Model model) {
    model.addAttribute("backups", embedded == null ? java.util.List.of() : embedded.list());
    model.addAttribute(
        "progress",
        embedded == null
            ? new EmbeddedBackups.Progress(null, 0, 0, null, null)
            : embedded.progress());
  }

  /** Starts a backup and shows the page, which follows it; one at a time. */
  @PostMapping("/system/backups")
  String run(Actor actor, RedirectAttributes redirect) {
    requireCityAdministrator(actor);
    EmbeddedBackups embedded = backups.getIfAvailable();
    String problem = null;
    if (embedded == null) {
      problem = "backups.external";
    } else {
      try {
        String name = embedded.start();
        transactions.executeWithoutResult(tx -> audit.recordWrite("system.backup", "backup", name));
      } catch (EmbeddedBackups.BackupRunning e) {
        problem = "backups.busy";
      }
    }
    if (problem != null) {
      redirect.addFlashAttribute(
          "problem", messages.getMessage(problem, null, LocaleContextHolder.getLocale()));
    }
    return "redirect:/system/backups";
  }

  /** Writes a backup for the city administrator and audits it (the page and the API). */
  static EmbeddedBackups.Backup write(
      Actor actor,
      ObjectProvider<EmbeddedBackups> backups,
      AuditTrail audit,
      TransactionTemplate transactions) {
    requireCityAdministrator(actor);
    EmbeddedBackups embedded = backups.getIfAvailable();
    if (embedded == null) {
      throw ConflictException.of(null, "backups.external");
    }
    try {
      EmbeddedBackups.Backup backup = embedded.backup();
      transactions.executeWithoutResult(
          tx -> audit.recordWrite("system.backup", "backup", backup.name()));
      return backup;
    } catch (EmbeddedBackups.BackupRunning e) {
      throw ConflictException.of(null, "backups.busy");
    }
  }
}
