/**
 * The shared kernel: the acting user, roles, data scope, paging, domain errors and the web frame
 * (layout model, localisation, problem details) that every module renders into.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.huhang.shared;
