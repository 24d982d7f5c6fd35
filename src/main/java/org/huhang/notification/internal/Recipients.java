package org.huhang.notification.internal;

import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who wants what: opt-outs by keyed hash of the address, and staff users' e-mail copies. */
@Component
public class Recipients {

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  Recipients(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  public boolean optedOut(String address) {
    return optedOutHash(protector.lookupHash(Addresses.normal(address)));
  }

  boolean optedOutHash(byte[] hash) {
    return jdbc.sql("select exists (select 1 from notification.opt_out where address_hash = :h)")
        .param("h", hash)
        .query(Boolean.class)
        .single();
  }

  public void optOut(String address) {
    jdbc.sql("insert into notification.opt_out (address_hash) values (:h) on conflict do nothing")
        .param("h", protector.lookupHash(Addresses.normal(address)))
        .update();
  }

  public void optIn(String address) {
    jdbc.sql("delete from notification.opt_out where address_hash = :h")
        .param("h", protector.lookupHash(Addresses.normal(address)))
        .update();
  }

  /** The e-mail address a staff user gave for copies of its inbox, when it wants them. */
  public Optional<String> emailOf(UUID userId) {
    return jdbc.sql(
            """
            select email_cipher from notification.user_setting
            where user_id = :u and email_enabled and email_cipher is not null
            """)
        .param("u", userId)
        .query((rs, n) -> protector.decrypt(rs.getBytes(1)))
        .optional();
  }
}
