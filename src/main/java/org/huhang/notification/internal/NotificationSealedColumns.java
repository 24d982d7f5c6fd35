package org.huhang.notification.internal;

import org.huhang.shared.person.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification columns sealed with the data key, for the key rotation (privacy module). */
@Configuration(proxyBeanMethods = false)
class NotificationSealedColumns {

  @Bean
  SealedColumns sealedOutbox() {
    return SealedColumns.of(
        "notification.outbox", "id", "sealed.notification.outbox", "address_cipher", "args_cipher");
  }

  @Bean
  SealedColumns sealedInboxItem() {
    return SealedColumns.of(
        "notification.inbox_item", "id", "sealed.notification.inbox_item", "args_cipher");
  }

  @Bean
  SealedColumns sealedUserSetting() {
    return SealedColumns.of(
        "notification.user_setting", "user_id", "sealed.notification.user_setting", "email_cipher");
  }
}
