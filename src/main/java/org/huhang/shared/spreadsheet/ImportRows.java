package org.huhang.shared.spreadsheet;

import java.util.List;
import java.util.Set;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;

/**
 * What a module brings to the staged import: its columns, and how one row becomes one of its
 * records. {@link StagedImports} does the rest for every module alike: reading the file, the
 * preview, duplicates inside the file, records already present, confirmation, all or nothing.
 *
 * @param <T> the module's record, usually its command (RegisterVolunteer, RecordApplication)
 */
public interface ImportRows<T> {

  /** The kind of file, unique among modules ("volunteer"): a staged upload confirms only as it. */
  String kind();

  /** The columns, in sheet order; their headers are the sheet's first row. */
  List<Column> columns();

  default int maxRows() {
    return 20_000;
  }

  /**
   * Starts one file for an actor: refuses an actor who may not import (ForbiddenException) and
   * loads what every row needs to look up (centers, dictionaries, the holiday calendar) once.
   */
  Batch<T> open(Actor actor);

  /** A column: the record's field it fills, and its header as the sheet has it. */
  record Column(String field, String header) {}

  /** One file's worth of work, in the actor's name. */
  interface Batch<T> {

    /**
     * The row as a record, with every problem of its cells and of the record's rules reported to
     * the row; null when the row cannot become a record.
     */
    T read(SheetRow row);

    /**
     * Two rows with the same key are the same record: the second is refused with {@link
     * #sameMessageKey()} under the column of {@link #sameField()}.
     */
    String sameKey(T record);

    String sameField();

    String sameMessageKey();

    /** The keys of these records that are already stored: those rows are skipped, not refused. */
    Set<String> present(List<T> records);

    /** Problems of a new record against what is stored (an open application elsewhere). */
    default List<FieldProblem> conflicts(T record) {
      return List.of();
    }

    /** The record as it will be saved, one text per column, numbers masked: the preview. */
    List<String> preview(T record);

    /** Stores the new records, inside the import's transaction. */
    void save(List<T> records);
  }
}
