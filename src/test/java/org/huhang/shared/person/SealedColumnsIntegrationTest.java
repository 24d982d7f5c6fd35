package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sealed columns the modules declare for the key rotation are every column of the schema that
 * can hold sealed data: a byte column is declared, or a keyed hash (named {@code *_hash}), or one
 * of the few plain byte columns listed here with the reason. A new sealed column that no module
 * declares would stay under an old key forever and make its retirement lose data; this fails first.
 */
class SealedColumnsIntegrationTest extends IntegrationTest {

  /** Byte columns that hold no data sealed with the data key, and why. */
  static final Map<String, String> PLAIN =
      Map.of(
          "outreach.event_photo.original", "event photos: not personal data under PIPL art. 28",
          "outreach.event_photo.thumbnail", "their thumbnails",
          "identity.spring_session_attributes.attribute_bytes", "Spring Session's own bytes",
          "audit.chain_head.hash", "the audit chain's end: a keyed hash",
          "kernel.idempotent_request.fingerprint", "a digest of the request, to tell a replay",
          "kernel.data_key_version.lookup_key_sealed",
              "sealed under its own row's version on purpose: never re-encrypted");

  @Autowired JdbcClient jdbc;
  @Autowired List<SealedColumns> declared;
  @Autowired MessageSource messages;

  @Test
  void everyByteColumnOfTheSchemaIsDeclaredSealedOrKnownPlain() {
    Set<String> bytea =
        new TreeSet<>(
            jdbc.sql(
                    """
                    select table_schema || '.' || table_name || '.' || column_name
                      from information_schema.columns
                     where data_type = 'bytea'
                       and table_schema not in ('pg_catalog', 'information_schema', 'public')""")
                .query(String.class)
                .list());
    assertThat(bytea).as("byte columns found at all").hasSizeGreaterThan(30);
    assertThat(bytea).as("the plain ones listed exist").containsAll(PLAIN.keySet());
    Set<String> sealed = new TreeSet<>();
    for (SealedColumns t : declared) {
      t.columns().forEach(c -> sealed.add(t.table() + "." + c));
    }
    List<String> undeclared = new ArrayList<>();
    for (String column : bytea) {
      if (!sealed.contains(column) && !column.endsWith("_hash") && !PLAIN.containsKey(column)) {
        undeclared.add(column);
      }
    }
    assertThat(undeclared)
        .as("byte columns neither declared as SealedColumns nor known plain")
        .isEmpty();
    assertThat(bytea).as("every declared column exists as a byte column").containsAll(sealed);
    assertThat(sealed).as("no hash declared as sealed").noneMatch(c -> c.endsWith("_hash"));
    assertThat(declared.stream().map(SealedColumns::table).distinct())
        .as("one declaration per table")
        .hasSameSizeAs(declared);
  }

  @Test
  void eachDeclarationNamesItsTablesPrimaryKey() {
    for (SealedColumns t : declared) {
      List<String> key =
          jdbc.sql(
                  """
                  select a.attname from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                   where i.indrelid = cast(:t as regclass) and i.indisprimary
                   order by array_position(i.indkey, a.attnum)""")
              .param("t", t.table())
              .query(String.class)
              .list();
      assertThat(t.key()).as("primary key of " + t.table()).isEqualTo(key);
    }
  }

  /** What the demo data holds in the declared columns is sealed: format 1 (or 2), nothing else. */
  @Test
  void theDeclaredColumnsHoldOnlySealedValues() {
    Map<String, Long> notSealed = new TreeMap<>();
    long values = 0;
    for (SealedColumns t : declared) {
      for (String c : t.columns()) {
        values += jdbc.sql("select count(" + c + ") from " + t.table()).query(Long.class).single();
        long plain =
            jdbc.sql(
                    "select count(*) from "
                        + t.table()
                        + " where "
                        + c
                        + " is not null and (octet_length("
                        + c
                        + ") < 29 or get_byte("
                        + c
                        + ", 0) not in (1, 2))")
                .query(Long.class)
                .single();
        if (plain > 0) {
          notSealed.put(t.table() + "." + c, plain);
        }
      }
    }
    assertThat(values).as("sealed values in the demo data").isGreaterThan(100);
    assertThat(notSealed).isEmpty();
  }

  @Test
  void everyDeclarationIsNamedInBothLanguages() {
    for (SealedColumns t : declared) {
      for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        String label = messages.getMessage(t.label(), null, null, locale);
        assertThat(label).as(t.label() + " in " + locale).isNotBlank();
      }
    }
    assertThat(messages.getMessage("sealed.casework.session", null, Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("会谈记录");
  }
}
