/**
 * Privacy through the whole life of a record (issue 16): the retention policy per kind of record,
 * the nightly run that anonymises what is due (each module anonymises its own records through
 * {@link org.huhang.shared.retention.RetainedRecords}), and its preview; the rotation of the data
 * key, which re-encrypts the columns each module declares as {@link
 * org.huhang.shared.person.SealedColumns} and retires a key version nothing uses.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Privacy",
    allowedDependencies = {"shared", "audit"})
package org.huhang.privacy;
