package org.huhang.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Accounts the system creates itself, before anyone can log in: the demo accounts (at start-up and
 * the history's counselors) and the first city administrator. The well-known demo password only
 * where the data is a throwaway demo (the embedded database); on an external database each demo
 * account gets a generated one, printed once.
 */
@Component
class DemoAccounts {

  static final String DEMO_PASSWORD = "Huhang@2023";
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  /** A demo account to make: its username, display name, role and region code. */
  record Account(String username, String displayName, Role role, String regionCode) {}

  private final UserRepository repository;
  private final Regions regions;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final Environment env;

  DemoAccounts(
      UserRepository repository,
      Regions regions,
      PasswordEncoder passwordEncoder,
      Clock clock,
      Environment env) {
    this.repository = repository;
    this.regions = regions;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
    this.env = env;
  }

  /**
   * Creates those of the accounts that do not exist yet (by username) and answers how many it
   * created; on an external database their generated passwords are logged once, together.
   */
  int createMissing(List<Account> accounts) {
    boolean embedded = !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    StringBuilder generated = new StringBuilder();
    int created = 0;
    for (Account a : accounts) {
      if (repository.findByUsername(a.username()).isPresent()) {
        continue;
      }
      String password = DEMO_PASSWORD;
      if (!embedded) {
        password = generatePassword();
        generated.append("  ").append(a.username()).append(": ").append(password).append('\n');
      }
      createInitial(a.username(), a.displayName(), a.role(), a.regionCode(), password);
      created++;
    }
    if (!generated.isEmpty()) {
      log.warn(
          "\n\n  外部数据库上的演示账户使用随机密码（仅显示这一次）/ demo accounts on an external"
              + " database got generated passwords (shown only this once):\n{}",
          generated);
    }
    return created;
  }

  /** A user created by the system itself, before anyone can log in. */
  void createInitial(
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

  static String generatePassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@#%+";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
