/**
 * Privacy through the whole life of a record (issue 16): the retention policy per kind of record,
 * the nightly run that anonymises what is due (each module anonymises its own records through
 * {@link org.huhang.shared.retention.RetainedRecords}), and its preview.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Privacy",
    allowedDependencies = {"shared", "audit"})
package org.huhang.privacy;
