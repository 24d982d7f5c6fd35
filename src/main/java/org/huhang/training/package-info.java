/**
 * Training courses for volunteers (培训班): field visits, expert lectures and experience exchange;
 * enrollment with a waiting list, attendance, completion with hours and a certificate, feedback.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Training",
    allowedDependencies = {"shared", "region", "identity", "volunteer", "audit", "notification"})
package org.huhang.training;
