package org.huhang.registration.internal;

import org.huhang.shared.person.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registration columns sealed with the data key, for the key rotation (privacy module). */
@Configuration(proxyBeanMethods = false)
class ApplicationSealedColumns {

  @Bean
  SealedColumns sealedApplication() {
    return SealedColumns.of(
        "registration.divorce_application",
        "id",
        "sealed.registration.divorce_application",
        "a_id_cipher",
        "a_phone_cipher",
        "b_id_cipher",
        "b_phone_cipher");
  }
}
