package org.huhang.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.huhang.identity.internal.DemoAccounts.Account;
import org.huhang.region.Regions;
import org.huhang.shared.Role;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.demo.HistoryCity;
import org.huhang.shared.demo.HistoryStep;
import org.springframework.stereotype.Component;

/**
 * The {@link BinzhouHistory}'s counselor accounts: one per county, {@code counselor-<county>-01}
 * (e.g. 滨城区辅导员（历史个案）), whom the history's volunteers and cases are linked to. Made as the demo
 * accounts are ({@link DemoAccounts}: the demo password on the embedded database, a generated one
 * printed once on an external one); an account that exists already is left as it is, so the step
 * may run again.
 */
@Component
class CounselorHistory implements HistoryStep {

  private final DemoAccounts accounts;
  private final Regions regions;

  CounselorHistory(DemoAccounts accounts, Regions regions) {
    this.accounts = accounts;
    this.regions = regions;
  }

  /** The history counselor's username in a county. */
  static String username(String county) {
    return "counselor-" + county + "-01";
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public int weight() {
    return 1;
  }

  @Override
  public String labelKey() {
    return "history.step.counselors";
  }

  @Override
  public void load(Progress progress, int scale, HistoryCity city) {
    List<Account> wanted = new ArrayList<>();
    for (String county : city.counties()) {
      String name = regions.find(county).orElseThrow().name();
      wanted.add(new Account(username(county), name + "辅导员（历史个案）", Role.COUNSELOR, county));
    }
    accounts.createMissing(wanted);
    progress.done(1);
  }
}
