/**
 * Outreach: the premarital education, lectures, publicity and media programmes through which the
 * federation reaches couples and families before they need counseling.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Outreach",
    allowedDependencies = {"shared", "region", "center", "audit"})
package org.huhang.outreach;
