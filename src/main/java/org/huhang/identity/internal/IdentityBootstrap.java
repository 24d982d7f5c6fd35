package org.huhang.identity.internal;

import java.util.List;
import org.huhang.identity.internal.DemoAccounts.Account;
import org.huhang.shared.DemoMode;
import org.huhang.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in: the demo accounts when the demo data set is loaded, otherwise a
 * first city administrator whose password comes from {@code HUHANG_ADMIN_PASSWORD} or is generated
 * and printed once.
 */
@Component
@Order(10)
class IdentityBootstrap implements ApplicationRunner {

  static final String DEMO_PASSWORD = DemoAccounts.DEMO_PASSWORD;
  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final UserRepository repository;
  private final DemoAccounts accounts;
  private final DemoMode demo;
  private final Environment env;

  IdentityBootstrap(
      UserRepository repository, DemoAccounts accounts, DemoMode demo, Environment env) {
    this.repository = repository;
    this.accounts = accounts;
    this.demo = demo;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demo.enabled()) {
      accounts.createMissing(
          List.of(
              new Account("admin", "滨州市妇联管理员", Role.CITY_ADMIN, "371600"),
              new Account("admin-371623", "无棣县妇联管理员", Role.COUNTY_ADMIN, "371623"),
              new Account("admin-371681", "邹平市妇联管理员", Role.COUNTY_ADMIN, "371681"),
              new Account("registrar-371602", "滨城区婚姻登记员", Role.REGISTRAR, "371602"),
              new Account("analyst", "统计分析员", Role.ANALYST, "371600"),
              new Account("analyst-370000", "山东省妇联统计分析员", Role.ANALYST, "370000"),
              new Account("manager-371623", "无棣县辅导中心负责人", Role.CENTER_MANAGER, "371623"),
              new Account("manager-371625", "博兴县辅导中心负责人", Role.CENTER_MANAGER, "371625"),
              new Account("counselor-371623", "无棣县辅导员", Role.COUNSELOR, "371623"),
              new Account("counselor-371625", "博兴县辅导员", Role.COUNSELOR, "371625"),
              new Account("counselor-371681", "邹平市辅导员", Role.COUNSELOR, "371681")));
    } else if (repository.count() == 0) {
      String password = env.getProperty("HUHANG_ADMIN_PASSWORD");
      boolean generated = password == null || password.isBlank();
      if (generated) {
        password = DemoAccounts.generatePassword();
      } else if (PasswordPolicy.check("password", "admin", password).isPresent()) {
        throw new IllegalStateException(
            "HUHANG_ADMIN_PASSWORD 不符合密码规则（至少10位，不含用户名）: the password policy refuses it");
      }
      accounts.createInitial("admin", "市妇联管理员", Role.CITY_ADMIN, "371600", password);
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
}
