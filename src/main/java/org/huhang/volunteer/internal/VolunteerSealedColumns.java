package org.huhang.volunteer.internal;

import org.huhang.shared.person.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The volunteer columns sealed with the data key, for the key rotation (privacy module). */
@Configuration(proxyBeanMethods = false)
class VolunteerSealedColumns {

  @Bean
  SealedColumns sealedVolunteer() {
    return SealedColumns.of(
        "volunteer.volunteer",
        "id",
        "sealed.volunteer.volunteer",
        "id_number_cipher",
        "phone_cipher");
  }
}
