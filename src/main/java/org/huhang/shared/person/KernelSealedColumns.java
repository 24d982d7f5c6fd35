package org.huhang.shared.person;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared kernel's sealed columns: imports waiting for confirmation and the stored answers of
 * requests sent with an idempotency key.
 */
@Configuration(proxyBeanMethods = false)
class KernelSealedColumns {

  @Bean
  SealedColumns sealedImportStaging() {
    return SealedColumns.of(
        "kernel.import_staging", "id", "sealed.kernel.import_staging", "content");
  }

  @Bean
  SealedColumns sealedIdempotentRequest() {
    return new SealedColumns(
        "kernel.idempotent_request",
        List.of("user_key", "request_key"),
        List.of("body_cipher"),
        "sealed.kernel.idempotent_request");
  }
}
