package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probe of issue 9, point 3, as part of the suite: a NUL byte sent in every text input of every
 * endpoint (query parameters, form fields, JSON fields), found from the handler mappings so that a
 * new endpoint is probed without being listed, by every kind of account. No answer may be a 5xx;
 * forms answer with a field error, searches with 400.
 */
class ControlCharacterProbeIntegrationTest extends IntegrationTest {

  static final String NUL = "a\u0000b";
  static final List<String> ACCOUNTS =
      List.of("admin", "admin-371623", "registrar-371602", "manager-371623", "counselor-371623");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired org.huhang.shared.person.PersonalDataProtector protector;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void aNulByteInAnyTextInputOfAnyEndpointNeverAnswers5xx() throws Exception {
    Map<String, String> ids = ids();
    List<String> probed = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = e.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("org.huhang")) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      Object body = null;
      for (MethodParameter p : handler.getMethodParameters()) {
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        Class<?> type = p.getParameterType();
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp != null) {
          if (type == String.class) {
            String name = rp.name().isEmpty() ? p.getParameterName() : rp.name();
            params.put(name, NUL);
          }
        } else if (p.hasParameterAnnotation(RequestBody.class)) {
          body = json(type);
        } else if ((p.hasParameterAnnotation(ModelAttribute.class) || type.isRecord())
            && type.isRecord()
            && type != Actor.class
            && !MultipartFile.class.isAssignableFrom(type)) {
          for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType() == String.class || isListOfStrings(c.getGenericType())) {
              params.put(c.getName(), NUL);
            }
          }
        }
      }
      if (params.isEmpty() && body == null) {
        continue;
      }
      Iterable<RequestMethod> methods =
          e.getKey().getMethodsCondition().getMethods().isEmpty()
              ? List.of(RequestMethod.GET)
              : e.getKey().getMethodsCondition().getMethods();
      for (String pattern : e.getKey().getPatternValues()) {
        String path = expand(pattern, ids);
        for (RequestMethod method : methods) {
          probed.add(method + " " + pattern);
          for (String account : ACCOUNTS) {
            MockHttpServletRequestBuilder request =
                request(HttpMethod.valueOf(method.name()), path)
                    .with(user(users.loadUserByUsername(account)))
                    .with(csrf());
            params.forEach(request::param);
            if (body != null) {
              request
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(JsonMapper.builder().build().writeValueAsString(body));
            }
            int status;
            try {
              status = mvc.perform(request).andReturn().getResponse().getStatus();
            } catch (Exception unhandled) {
              // What MockMvc throws, a server answers with 500.
              failures.add(method + " " + path + " as " + account + " threw " + unhandled);
              continue;
            }
            if (status >= 500) {
              failures.add(method + " " + path + " as " + account + " answered " + status);
            }
          }
        }
      }
    }
    // The login form is Spring Security's, not a handler: probed by hand.
    int login =
        mvc.perform(post("/login").param("username", NUL).param("password", NUL).with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    if (login >= 500) {
      failures.add("POST /login answered " + login);
    }
    assertThat(probed).hasSizeGreaterThan(25);
    assertThat(failures).isEmpty();
  }

  @Test
  void aFormFieldWithANulByteGetsAFieldErrorNextToTheField() throws Exception {
    mvc.perform(
            post("/centers")
                .param("kind", "CENTER")
                .param("name", "服务站" + NUL)
                .param("regionCode", "371623")
                .param("address", "地址")
                .param("capacity", "10")
                .param("status", "OPEN")
                .with(csrf())
                .with(user(users.loadUserByUsername("admin-371623"))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("含有不可见的控制字符")));
  }

  @Test
  void theOutcomeFormShowsANulByteAtItsFieldToo() throws Exception {
    String id =
        jdbc.sql(
                "select id::text from registration.divorce_application where office_region_code = '371602' and outcome = 'PENDING' order by created_at limit 1")
            .query(String.class)
            .single();
    for (String path : new String[] {"/outcome", "/withdrawal", "/certificate"}) {
      mvc.perform(
              post("/registrations/" + id + path)
                  .param("kind", "WITHDRAW")
                  .param("on", "2026-01-01" + NUL)
                  .param("by", "A")
                  .with(csrf())
                  .with(user(users.loadUserByUsername("registrar-371602"))))
          .andExpect(status().isOk())
          .andExpect(content().string(org.hamcrest.Matchers.containsString("data-field=\"on\"")))
          .andExpect(content().string(org.hamcrest.Matchers.containsString("含有不可见的控制字符")));
    }
  }

  @Test
  void aSearchParameterWithANulByteAnswers400WithAReason() throws Exception {
    mvc.perform(get("/centers").param("q", NUL).with(user(users.loadUserByUsername("admin"))))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("含有不可见的控制字符")));
    mvc.perform(
            get("/api/v1/centers").param("q", NUL).with(user(users.loadUserByUsername("admin"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("q"))
        .andExpect(jsonPath("$.type").value("https://huhang.org/problems/invalid-parameter"));
  }

  @Test
  void aJsonFieldWithANulByteIsAFieldErrorNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/centers")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"CENTER\",\"name\":\"a\\u0000b\",\"regionCode\":\"371623\","
                        + "\"address\":\"x\",\"capacity\":1,\"status\":\"OPEN\"}")
                .with(user(users.loadUserByUsername("admin-371623"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(
            jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("控制字符")));
  }

  private static boolean isListOfStrings(Type type) {
    return type instanceof ParameterizedType p
        && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] == String.class;
  }

  /** Every text field of a JSON body a NUL byte, nested records included. */
  private static Map<String, Object> json(Class<?> type) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (!type.isRecord()) {
      return body;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getType() == String.class) {
        body.put(c.getName(), NUL);
      } else if (isListOfStrings(c.getGenericType())) {
        body.put(c.getName(), List.of(NUL));
      } else if (c.getType().isRecord()) {
        body.put(c.getName(), json(c.getType()));
      }
    }
    return body;
  }

  private static String expand(String pattern, Map<String, String> ids) {
    String path = pattern;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      if (path.startsWith(id.getKey())) {
        path = path.replace("{id}", id.getValue());
      }
    }
    return path.replace("{code}", pattern.startsWith("/volunteers") ? "CHILD_CUSTODY" : "371623101")
        .replace("{sid}", ids.getOrDefault("{sid}", "{sid}"))
        .replace("{state}", "enable")
        .replace("{year}", "2026")
        .replace("{day}", "2026-01-01")
        .replace("{months}", "1")
        .replace("{token}", UUID.randomUUID().toString())
        .replace("{party}", "A")
        .replace("{centerId}", ids.getOrDefault("{centerId}", "{centerId}"))
        .replace("{regionCode}", "371623")
        .replace("{purpose}", "COUNSELING")
        .replace("{kind}", "BEFORE")
        .replace("{caseId}", UUID.randomUUID().toString())
        .replace("{sid}", UUID.randomUUID().toString())
        .replace("{rid}", UUID.randomUUID().toString())
        .replace("{pid}", UUID.randomUUID().toString())
        .replace("{mid}", UUID.randomUUID().toString())
        .replace("{photoId}", UUID.randomUUID().toString())
        .replace("{moduleId}", UUID.randomUUID().toString());
  }

  private Map<String, String> ids() {
    String center = one("select id::text from center.center where region_code = '371623' limit 1");
    String volunteer =
        one(
            "select id::text from volunteer.volunteer where region_path like '%/371623/%'"
                + " order by id limit 1");
    String application =
        one(
            "select id::text from registration.divorce_application"
                + " where office_region_code = '371602' and outcome = 'PENDING' order by id limit 1");
    String user = one("select id::text from identity.app_user where username = 'counselor-371623'");
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("/centers", center);
    ids.put("/api/v1/centers", center);
    ids.put("/volunteers", volunteer);
    ids.put("/api/v1/volunteers", volunteer);
    ids.put("/registrations", application);
    ids.put("/api/v1/divorce-applications", application);
    String outreach =
        one(
            "select id::text from outreach.outreach_event where region_code = '371623'"
                + " order by held_on, id limit 1");
    ids.put("/outreach-events", outreach);
    ids.put("/api/v1/outreach-events", outreach);
    ids.put(
        "/service-projects",
        one(
            "select id::text from outreach.service_project where region_path like '/370000/371600/371623/%' limit 1"));
    ids.put("/users", user);
    String course =
        one(
            "select id::text from training.course where region_path like '/370000/371600/371623/%'"
                + " order by starts_on, id limit 1");
    ids.put("/training/courses", course);
    ids.put("/api/v1/training/courses", course);
    ids.put("/api/v1/users", user);
    String teaching = org.huhang.teaching.ProbeTeaching.of("371623", jdbc);
    ids.put("/teaching-cases", teaching);
    ids.put("/api/v1/teaching-cases", teaching);
    ids.put(
        "/referrals",
        one(
            "select id::text from casework.referral where region_path like '/370000/371600/371623/%'"
                + " and status = 'WAITING' order by referred_at, id limit 1"));
    org.huhang.casework.ProbeCases.ensure(jdbc);
    String inWudi = "'/370000/371600/371623/%'";
    ids.put(
        "/cases",
        one(org.huhang.casework.ProbeCases.SESSION.formatted("c.id").replace(":p", inWudi)));
    ids.put("/api/v1/cases", ids.get("/cases"));
    ids.put(
        "{sid}",
        one(org.huhang.casework.ProbeCases.SESSION.formatted("s.id").replace(":p", inWudi)));
    // A family's booking pages: 无棣's center, and a booking's id (any: the probe has no family).
    ids.put("{centerId}", center);
    ids.put("/book/mine", UUID.randomUUID().toString());
    ids.put("/bookings", UUID.randomUUID().toString());
    ids.put("/inbox", UUID.randomUUID().toString());
    return ids;
  }

  private String one(String sql) {
    return jdbc.sql(sql).query(String.class).single();
  }
}
