package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The typed id reads and writes as the plain UUID: in the API and in stored event publications. */
class ApplicationIdTest {

  static final UUID ID = UUID.fromString("0b6f5a3e-2f4d-4c1a-9c55-0f3e3d2a1b7c");
  static final UUID CASE = UUID.fromString("5d0c1e8a-7b2f-4e11-8f0a-2c9d4b6e3a10");
  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anEventCarryingItRoundTripsAsPlainUuids() {
    CounselingCaseOpened event =
        new CounselingCaseOpened(new ApplicationId(ID), CASE, LocalDate.of(2026, 11, 30));
    String written = json.writeValueAsString(event);
    assertThat(written)
        .isEqualTo(
            "{\"applicationId\":\""
                + ID
                + "\",\"caseId\":\""
                + CASE
                + "\",\"openedOn\":\"2026-11-30\"}");
    assertThat(json.readValue(written, CounselingCaseOpened.class)).isEqualTo(event);
  }

  @Test
  void templatesPrintTheUuid() {
    assertThat(new ApplicationId(ID).toString()).isEqualTo(ID.toString());
  }
}
