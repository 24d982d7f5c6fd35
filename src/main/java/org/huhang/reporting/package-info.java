/**
 * The figures (统计报表): applications, counseling and reconciliation rates, centers, volunteers,
 * events, training and cases of a region and a period (SPEC §4 "Rates", §5), computed by one code
 * path for the API, the work-report paragraph, and later the dashboards and exports. It owns no
 * data: it reads the other modules' facades, which answer counts and compact rows, never a person.
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
