package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A joint session booked while both spouses were screened LOW must not survive a later screening
 * that finds violence: it is cancelled the moment the risk rises, and a joint session still not
 * written up cannot be recorded as held.
 */
class JointSessionSafetyIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile cases;
  @Autowired PersonalDataProtector protector;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  String post(String path, String body, int expected) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  static String id(String json) {
    return json.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
  }

  @Test
  void aScreeningThatFindsViolenceCancelsTheBookedJointSessionsAndTheyCannotBeWrittenUp()
      throws Exception {
    TestCases fixtures = new TestCases(cases, jdbc, users, protector);
    UUID caze = fixtures.couple("上官刚", "欧阳霞", true);
    for (PartyRole party : PartyRole.values()) {
      post(
          "/api/v1/cases/" + caze + "/consents",
          "{\"party\":\"%s\",\"purposes\":[\"COUNSELING\",\"SENSITIVE_PROCESSING\"]}"
              .formatted(party),
          201);
      post(
          "/api/v1/cases/" + caze + "/screenings",
          "{\"party\":\"%s\",\"answers\":{}}".formatted(party),
          201);
    }
    LocalDateTime now = LocalDateTime.now(LegalTime.ZONE).withSecond(0).withNano(0);
    String past =
        id(
            post(
                "/api/v1/cases/" + caze + "/sessions",
                "{\"scheduledAt\":\"%s\",\"attendees\":\"BOTH\"}".formatted(now.minusHours(2)),
                201));
    String future =
        id(
            post(
                "/api/v1/cases/" + caze + "/sessions",
                "{\"scheduledAt\":\"%s\",\"attendees\":\"BOTH\"}".formatted(now.plusDays(2)),
                201));
    String alone =
        id(
            post(
                "/api/v1/cases/" + caze + "/sessions",
                "{\"scheduledAt\":\"%s\",\"attendees\":\"A\"}".formatted(now.plusDays(3)),
                201));

    // Party B tells, alone, of being choked: the case is HIGH.
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/v1/cases/" + caze + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"party\":\"B\",\"answers\":{\"strangulation\":true}}")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.caseRisk").value("HIGH"))
        .andExpect(jsonPath("$.cancelledJointSessions").value(2));
    assertThat(statusOf(past)).isEqualTo("CANCELLED");
    assertThat(statusOf(future)).isEqualTo("CANCELLED");
    assertThat(statusOf(alone)).isEqualTo("SCHEDULED");

    // Even a joint session the cancellation missed (written straight into the table here) is
    // refused as held.
    jdbc.sql("update casework.session set status = 'SCHEDULED' where id = :id::uuid")
        .param("id", past)
        .update();
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + past + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"freeNotes\":\"双方都来了\"}")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("高风险")));
    assertThat(
            jdbc.sql("select notes_cipher is null from casework.session where id = :id::uuid")
                .param("id", past)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aTimeWithAZoneOrAnAttendeeThatIsNoneIsRefusedSayingWhatIsExpected() throws Exception {
    TestCases fixtures = new TestCases(cases, jdbc, users, protector);
    UUID caze = fixtures.couple("慕容博", "王语嫣", true);
    for (String[] bad :
        new String[][] {
          {
            "{\"scheduledAt\":\"2026-12-01T09:30:00Z\",\"attendees\":\"A\"}",
            "scheduledAt",
            "2024-03-15T09:30"
          },
          {
            "{\"scheduledAt\":\"2026-12-01\",\"attendees\":\"A\"}",
            "scheduledAt",
            "2024-03-15T09:30"
          },
          {
            "{\"scheduledAt\":\"2026-12-01T09:30\",\"attendees\":\"EVERYONE\"}",
            "attendees",
            "A、B、BOTH"
          }
        }) {
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                      "/api/v1/cases/" + caze + "/sessions")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(bad[0])
                  .with(csrf())
                  .with(as("counselor-371623")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(bad[1]))
          .andExpect(
              jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(bad[2])));
    }
    assertThat(
            jdbc.sql("select count(*) from casework.session where case_id = :c")
                .param("c", caze)
                .query(Integer.class)
                .single())
        .isZero();
  }

  String statusOf(String session) {
    return jdbc.sql("select status from casework.session where id = :id::uuid")
        .param("id", session)
        .query(String.class)
        .single();
  }
}
