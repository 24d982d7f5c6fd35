/**
 * The append-only audit trail: every write, every login and every read of sensitive data — who,
 * role, region, what, outcome and from where; never request bodies or personal data.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {"shared"})
package org.huhang.audit;
