package org.huhang.selfservice.internal;

import org.huhang.shared.person.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The self-service columns sealed with the data key, for the key rotation (privacy module). */
@Configuration(proxyBeanMethods = false)
class SelfserviceSealedColumns {

  @Bean
  SealedColumns sealedBooking() {
    return SealedColumns.of(
        "selfservice.booking",
        "id",
        "sealed.selfservice.booking",
        "phone_cipher",
        "person_cipher",
        "message_cipher");
  }

  @Bean
  SealedColumns sealedAnswer() {
    return SealedColumns.of(
        "selfservice.answer", "id", "sealed.selfservice.answer", "answers_cipher");
  }
}
