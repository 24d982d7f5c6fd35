package org.huhang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 幸福护航 Huhang: the marriage and family counseling service platform. */
@SpringBootApplication
@EnableScheduling
public class HuhangApplication {

  public static void main(String[] args) {
    SpringApplication.run(HuhangApplication.class, args);
  }
}
