package org.huhang.shared.person;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns of one table that hold data sealed with {@link PersonalDataProtector}, declared as a
 * Spring bean by the module that owns the table. The privacy module re-encrypts them under a new
 * key version and counts them per version without knowing any module's tables; a test compares the
 * declarations with every byte column of the schema, so a new sealed column cannot be forgotten.
 *
 * @param table the table as schema.name
 * @param key the columns of its primary key, which the rotation pages through in order
 * @param columns the sealed columns
 * @param label the message key of what the table holds, in the owning module's bundle
 */
public record SealedColumns(String table, List<String> key, List<String> columns, String label) {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

  public SealedColumns {
    // The names are written into SQL: only plain lower-case names pass.
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("a table as schema.name: " + table);
    }
    key = List.copyOf(key);
    columns = List.copyOf(columns);
    if (key.isEmpty() || columns.isEmpty()) {
      throw new IllegalArgumentException("a key and at least one column: " + table);
    }
    for (String name : key) {
      requireName(name);
    }
    for (String name : columns) {
      requireName(name);
    }
  }

  public static SealedColumns of(String table, String key, String label, String... columns) {
    return new SealedColumns(table, List.of(key), List.of(columns), label);
  }

  private static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a column name: " + name);
    }
  }
}
