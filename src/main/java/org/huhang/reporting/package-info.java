/**
 * The figures (统计报表): applications, counseling and reconciliation rates, centers, volunteers,
 * events, training and cases of a region and a period (SPEC §4 "Rates", §5), computed by one code
 * path for the API, the work-report paragraph, the dashboards and exports. It reads the other
 * modules' facades, which answer counts and compact rows, never a person; the one table it keeps,
 * {@code reporting.couple_day}, is a cache of the couples' counts per region and received day,
 * recomputed from those facades whenever the modules' triggers mark a day changed (V32).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "统计报表",
    allowedDependencies = {
      "shared",
      "region",
      "registration",
      "casework",
      "center",
      "volunteer",
      "outreach",
      "training"
    })
package org.huhang.reporting;
