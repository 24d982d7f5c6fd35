package org.huhang.notification.internal;

import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff user's own e-mail address for copies of its inbox (sealed with the data key) and whether
 * it wants them.
 */
@Component
public class InboxSettings {

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  InboxSettings(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  /** The form's values; "", false before the user saved any. */
  @Transactional(readOnly = true)
  public SaveInboxSettings of(Actor actor) {
    return jdbc.sql(
            "select email_cipher, email_enabled from notification.user_setting where user_id = :u")
        .param("u", actor.userId())
        .query(
            (rs, n) -> {
              byte[] cipher = rs.getBytes(1);
              return new SaveInboxSettings(
                  cipher == null ? "" : protector.decrypt(cipher), rs.getBoolean(2));
            })
        .optional()
        .orElse(new SaveInboxSettings("", false));
  }

  @Transactional
  public void save(SaveInboxSettings settings, Actor actor) {
    String email = settings.normalEmail();
    save(actor.userId(), email, settings.emailEnabled());
  }

  void save(UUID userId, String email, boolean enabled) {
    jdbc.sql(
            """
            insert into notification.user_setting (user_id, email_cipher, email_enabled, updated_at)
            values (:u, :email, :enabled, now())
            on conflict (user_id) do update
            set email_cipher = excluded.email_cipher, email_enabled = excluded.email_enabled,
                updated_at = excluded.updated_at
            """)
        .param("u", userId)
        .param("email", email == null ? null : protector.encrypt(email))
        .param("enabled", enabled && email != null)
        .update();
  }
}
