package org.huhang.center.internal;

import java.util.List;
import org.huhang.center.CenterKind;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.DemoMode;
import org.huhang.shared.NotFoundException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo centers: one counseling center per county-level division of Binzhou, and a handful of
 * village rooms, among them the 天仙配 room of 贺家村, 吕艺镇, 博兴县 (SPEC §1).
 */
@Component
@Order(20)
class CenterDemoData implements ApplicationRunner {

  record County(String code, String name, String address, String phone) {}

  static final List<County> COUNTIES =
      List.of(
          new County("371602", "滨城区", "滨城区黄河五路民政服务中心二楼", "0543-3161201"),
          new County("371603", "沾化区", "沾化区富源街道金海六路婚姻登记处", "0543-7321202"),
          new County("371621", "惠民县", "惠民县孙武街道鼓楼路妇女儿童活动中心", "0543-5331203"),
          new County("371622", "阳信县", "阳信县信城街道阳城四路民政局一楼", "0543-8211204"),
          new County("371623", "无棣县", "无棣县棣丰街道海丰十二路婚姻登记中心", "0543-6781205"),
          new County("371625", "博兴县", "博兴县博昌街道新城三路民政服务中心", "0543-2371206"),
          new County("371681", "邹平市", "邹平市黛溪街道鹤伴二路妇女儿童之家", "0543-4261207"));

  private final CenterRepository repository;
  private final CenterQueries queries;
  private final Regions regions;
  private final Users users;
  private final DemoMode demo;

  CenterDemoData(
      CenterRepository repository,
      CenterQueries queries,
      Regions regions,
      Users users,
      DemoMode demo) {
    this.repository = repository;
    this.queries = queries;
    this.regions = regions;
    this.users = users;
    this.demo = demo;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    for (County c : COUNTIES) {
      ensure(
          CenterKind.CENTER,
          c.name() + "婚姻家庭辅导中心",
          c.code(),
          c.address(),
          c.phone(),
          "周一至周五 8:30–12:00，13:30–17:30",
          12);
    }
    ensure(
        CenterKind.ROOM,
        "“天仙配”婚姻辅导室",
        village("371625", "371625104", "吕艺镇", "201", "贺家村"),
        "博兴县吕艺镇贺家村党群服务中心",
        "0543-2371299",
        "每周二、周五上午；其他时间预约",
        2);
    ensure(
        CenterKind.ROOM,
        "海丰社区婚姻辅导室",
        village("371623", "371623101", "棣丰街道", "003", "海丰社区"),
        "无棣县棣丰街道海丰社区服务站",
        "0543-6781299",
        "周三、周六下午",
        2);
    ensure(
        CenterKind.ROOM,
        "东关社区“为爱护航”辅导室",
        village("371681", "371681001", "黛溪街道", "002", "东关社区"),
        "邹平市黛溪街道东关社区二楼",
        "0543-4261299",
        "周一至周五下午",
        3);
    ensure(
        CenterKind.ROOM,
        "新立河社区婚姻辅导室",
        village("371602", "371602001", "市中街道", "004", "新立河社区"),
        "滨城区市中街道新立河社区",
        "0543-3161299",
        "周四全天",
        2);
    appoint("manager-371623", "无棣县婚姻家庭辅导中心", "371623");
    appoint("manager-371625", "博兴县婚姻家庭辅导中心", "371625");
  }

  /** The village below a township below a county, added when missing; returns its code. */
  private String village(
      String county,
      String township,
      String townshipName,
      String villageSuffix,
      String villageName) {
    String townshipCode = regions.ensure(county, township, townshipName).code();
    return regions.ensure(townshipCode, townshipCode + villageSuffix, villageName).code();
  }

  /** Opens the center unless the region already has one of this name. */
  private void ensure(
      CenterKind kind,
      String name,
      String regionCode,
      String address,
      String phone,
      String hours,
      int capacity) {
    if (queries.named(regionCode, name).isPresent()) {
      return;
    }
    RegionView region = regions.find(regionCode).orElseThrow(() -> new NotFoundException("region"));
    repository.save(
        Center.open(kind, name, region.code(), region.path(), address, phone, hours, capacity));
  }

  /** Gives the center this demo manager if it has none. */
  private void appoint(String username, String centerName, String regionCode) {
    users
        .findByUsername(username)
        .map(UserRef::id)
        .ifPresent(
            managerId ->
                queries
                    .named(regionCode, centerName)
                    .filter(row -> row.managerId() == null)
                    .flatMap(row -> repository.findById(row.id()))
                    .ifPresent(
                        center -> {
                          center.appointManager(managerId);
                          repository.save(center);
                        }));
  }
}
