package org.huhang.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.DemoMode;
import org.huhang.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes sure someone can log in: the demo accounts when the demo data set is loaded, otherwise a
 * first city administrator whose password comes from {@code HUHANG_ADMIN_PASSWORD} or is generated
 * and printed once.
 */
@Component
@Order(10)
class IdentityBootstrap implements ApplicationRunner {

  static final String DEMO_PASSWORD = "Huhang@2023";
  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final UserRepository repository;
  private final Regions regions;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final DemoMode demo;
  private final Environment env;
  private StringBuilder generatedDemoPasswords;

  IdentityBootstrap(
      UserRepository repository,
      Regions regions,
      PasswordEncoder passwordEncoder,
      Clock clock,
      DemoMode demo,
      Environment env) {
    this.repository = repository;
    this.regions = regions;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
    this.demo = demo;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demo.enabled()) {
      // The well-known demo password only where the data is a throwaway demo: on an external
      // database (huhang.demo=true there) each demo account gets a generated one, printed once.
      boolean embedded = !StringUtils.hasText(env.getProperty("spring.datasource.url"));
      generatedDemoPasswords = embedded ? null : new StringBuilder();
      demoAccount("admin", "滨州市妇联管理员", Role.CITY_ADMIN, "371600");
      demoAccount("admin-371623", "无棣县妇联管理员", Role.COUNTY_ADMIN, "371623");
      demoAccount("admin-371681", "邹平市妇联管理员", Role.COUNTY_ADMIN, "371681");
      demoAccount("registrar-371602", "滨城区婚姻登记员", Role.REGISTRAR, "371602");
      demoAccount("analyst", "统计分析员", Role.ANALYST, "371600");
      demoAccount("manager-371623", "无棣县辅导中心负责人", Role.CENTER_MANAGER, "371623");
      demoAccount("manager-371625", "博兴县辅导中心负责人", Role.CENTER_MANAGER, "371625");
      demoAccount("counselor-371623", "无棣县辅导员", Role.COUNSELOR, "371623");
      demoAccount("counselor-371625", "博兴县辅导员", Role.COUNSELOR, "371625");
      demoAccount("counselor-371681", "邹平市辅导员", Role.COUNSELOR, "371681");
      if (generatedDemoPasswords != null && !generatedDemoPasswords.isEmpty()) {
        log.warn(
            "\n\n  外部数据库上的演示账户使用随机密码（仅显示这一次）/ demo accounts on an external"
                + " database got generated passwords (shown only this once):\n{}",
            generatedDemoPasswords);
      }
      generatedDemoPasswords = null;
    } else if (repository.count() == 0) {
      String password = env.getProperty("HUHANG_ADMIN_PASSWORD");
      boolean generated = password == null || password.isBlank();
      if (generated) {
        password = generatePassword();
      } else if (PasswordPolicy.check("password", "admin", password).isPresent()) {
        throw new IllegalStateException(
            "HUHANG_ADMIN_PASSWORD 不符合密码规则（至少10位，不含用户名）: the password policy refuses it");
      }
      createInitial("admin", "市妇联管理员", Role.CITY_ADMIN, "371600", password);
      if (generated) {
        log.warn(
            "\n\n  首次启动：已创建市级管理员 admin，初始密码（仅显示这一次，请登录后立即修改）：{}\n"
                + "  First start: created city administrator 'admin' with the one-time password above.\n",
            password);
      } else {
        log.info(
            "First start: created city administrator 'admin' with the password from HUHANG_ADMIN_PASSWORD");
      }
    }
  }

  private void demoAccount(String username, String name, Role role, String region) {
    if (repository.findByUsername(username).isEmpty()) {
      String password = DEMO_PASSWORD;
      if (generatedDemoPasswords != null) {
        password = generatePassword();
        generatedDemoPasswords
            .append("  ")
            .append(username)
            .append(": ")
            .append(password)
            .append('\n');
      }
      createInitial(username, name, role, region, password);
    }
  }

  /** A user created by the system itself, before anyone can log in. */
  private void createInitial(
      String username, String displayName, Role role, String regionCode, String password) {
    RegionView region =
        regions
            .find(regionCode)
            .orElseThrow(() -> new IllegalStateException("no region " + regionCode));
    repository.insert(
        new UserRow(
            UUID.randomUUID(),
            username,
            displayName,
            passwordEncoder.encode(password),
            role,
            region.code(),
            region.path(),
            true,
            clock.instant()),
        "system");
  }

  private static String generatePassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@#%+";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
