package org.huhang.audit.internal;

import org.huhang.audit.ChainFinding;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The verification as a command, for an operator or a cron job outside the application: started
 * with {@code --huhang.audit.verify-chain=true} (and {@code --server.port=0}, so that it does not
 * take the running instance's port; the web layer cannot be left out), it seals what is waiting,
 * verifies the chain, prints the finding and exits: 0 when the chain holds, 3 when it is broken.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "huhang.audit.verify-chain", havingValue = "true")
class AuditChainCommand implements ApplicationRunner {

  private final AuditChain chain;
  private final ApplicationContext context;

  AuditChainCommand(AuditChain chain, ApplicationContext context) {
    this.chain = chain;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    while (chain.seal() > 0) {
      // Everything written so far is sealed before the walk.
    }
    ChainFinding f = chain.verify("command");
    System.out.println(
        f.intact()
            ? "审计链完整 / audit chain intact: " + f.entries() + " entries"
            : "审计链断裂 / audit chain BROKEN at chain number "
                + f.brokenSeq()
                + (f.brokenId() == null ? "" : " (entry " + f.brokenId() + ")")
                + ": "
                + f.reason());
    int code = f.intact() ? 0 : 3;
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }
}
