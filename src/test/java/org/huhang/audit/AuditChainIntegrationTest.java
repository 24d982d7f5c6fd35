package org.huhang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.audit.internal.AuditChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as a chain: sealed in turn, verified from its start; an entry edited, removed or
 * cut from the end through a superuser connection (the triggers switched off, as a database
 * administrator could) is found at the first broken link. Each test puts back what it broke.
 */
class AuditChainIntegrationTest extends IntegrationTest {

  @Autowired AuditChain chain;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  /** The owner's connections: the database's superuser, not the application's role. */
  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  /** One superuser connection for the whole test: its temporary tables live as long. */
  SingleConnectionDataSource superuserConnection;

  @BeforeEach
  void connectAsSuperuser() throws java.sql.SQLException {
    superuserConnection = new SingleConnectionDataSource(owner.getConnection(), true);
  }

  @AfterEach
  void disconnect() {
    superuserConnection.destroy();
  }

  /** Runs SQL as a superuser who switched the append-only triggers off for its transaction. */
  void behindTheApplication(String sql, Object... params) {
    JdbcClient superuser = JdbcClient.create(superuserConnection);
    new TransactionTemplate(new DataSourceTransactionManager(superuserConnection))
        .executeWithoutResult(
            s -> {
              superuser.sql("set local session_replication_role = replica").update();
              var statement = superuser.sql(sql);
              for (int i = 0; i < params.length; i++) {
                statement = statement.param(i + 1, params[i]);
              }
              statement.update();
            });
  }

  long sealedAll() {
    while (chain.seal() > 0) {
      // until nothing waits
    }
    return jdbc.sql("select seq from audit.chain_head").query(Long.class).single();
  }

  /** An entry well inside the chain, and its action as written. */
  record Sealed(long id, long seq, String action) {}

  Sealed someEntry() {
    long head = sealedAll();
    return jdbc.sql("select id, chain_seq, action from audit.audit_event where chain_seq = :s")
        .param("s", Math.max(1, head / 2))
        .query((rs, n) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getString(3)))
        .single();
  }

  @Test
  void anIntactChainVerifiesAndTheApplicationStillCannotChangeAnEntry() {
    sealedAll();
    ChainFinding f = chain.verify("test");
    assertThat(f.intact()).isTrue();
    assertThat(f.entries()).isPositive();
    assertThatThrownBy(
            () ->
                jdbc.sql("update audit.audit_event set action = 'x' where chain_seq = 1").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("update audit.audit_event set chain_hash = '\\x00' where chain_seq = 1")
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event where id = -1").update())
        .hasStackTraceContaining("permission denied");
    assertThatThrownBy(
            () ->
                JdbcClient.create(owner)
                    .sql("delete from audit.audit_event where chain_seq = 1")
                    .update())
        .hasMessageContaining("append-only");
  }

  @Test
  void anEntryEditedThroughASuperuserConnectionIsFoundAtItsLink() {
    Sealed e = someEntry();
    behindTheApplication("update audit.audit_event set action = 'login' where id = ?", e.id());
    try {
      ChainFinding f = chain.verify("test");
      assertThat(f.intact()).isFalse();
      assertThat(f.reason()).isEqualTo("CONTENT");
      assertThat(f.brokenSeq()).isEqualTo(e.seq());
      assertThat(f.brokenId()).isEqualTo(e.id());
      assertThat(f.entries()).isEqualTo(e.seq() - 1);
    } finally {
      behindTheApplication(
          "update audit.audit_event set action = ? where id = ?", e.action(), e.id());
    }
    assertThat(chain.verify("test").intact()).isTrue();
  }

  @Test
  void anEntryRemovedOrTheEndCutOffIsFound() {
    Sealed e = someEntry();
    behindTheApplication(
        "create temporary table kept on commit preserve rows as"
            + " select * from audit.audit_event where id = ?",
        e.id());
    try {
      behindTheApplication("delete from audit.audit_event where id = ?", e.id());
      ChainFinding f = chain.verify("test");
      assertThat(f.intact()).isFalse();
      assertThat(f.reason()).isEqualTo("GAP");
      assertThat(f.brokenSeq()).isEqualTo(e.seq());
    } finally {
      behindTheApplication(
          "insert into audit.audit_event overriding system value select * from kept");
      behindTheApplication("drop table kept");
    }
    assertThat(chain.verify("test").intact()).isTrue();

    // The last entry cut off, the recorded end left as it was.
    long head = sealedAll();
    long lastId =
        jdbc.sql("select id from audit.audit_event where chain_seq = :s")
            .param("s", head)
            .query(Long.class)
            .single();
    behindTheApplication(
        "create temporary table kept on commit preserve rows as"
            + " select * from audit.audit_event where id = ?",
        lastId);
    try {
      behindTheApplication("delete from audit.audit_event where id = ?", lastId);
      ChainFinding f = chain.verify("test");
      assertThat(f.intact()).isFalse();
      assertThat(f.reason()).isEqualTo("HEAD");
    } finally {
      behindTheApplication(
          "insert into audit.audit_event overriding system value select * from kept");
      behindTheApplication("drop table kept");
    }
    assertThat(chain.verify("test").intact()).isTrue();
  }

  @Test
  void theCityAdministratorChecksItOnAPageAndTheCheckIsItselfAudited() throws Exception {
    var admin = users.loadUserByUsername("admin");
    mvc.perform(post("/audit/chain/verify").with(user(admin)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/audit/chain").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("审计链完整")));
    assertThat(
            jdbc.sql("select count(*) from audit.audit_event where action = 'audit.verify'")
                .query(Long.class)
                .single())
        .isPositive();
    mvc.perform(get("/audit/chain").with(user(users.loadUserByUsername("admin-371623"))))
        .andExpect(status().isForbidden());
  }
}
