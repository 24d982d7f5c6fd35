// The dashboard's charts (/stats): ECharts from the webjar, drawn from the JSON the page carries in
// #dashboard-charts[data-charts] (figures and labels from the server: no word is written here).
// The figures themselves are also in the cards and the table, which work without this script.
(function () {
  function start() {
    var holder = document.getElementById("dashboard-charts");
    if (!holder || typeof window.echarts === "undefined") {
      return;
    }
    var data = JSON.parse(holder.getAttribute("data-charts"));
    var narrow = function () {
      return window.innerWidth < 576;
    };
    var tooltip = { trigger: "axis", renderMode: "richText", confine: true };
    var legend = { top: 0, type: "scroll" };
    var grid = function () {
      return { left: 8, right: 12, top: 36, bottom: 8, containLabel: true };
    };
    var options = {
      trend: function () {
        return {
          tooltip: tooltip,
          legend: legend,
          grid: grid(),
          xAxis: { type: "category", data: data.trend.categories, boundaryGap: false },
          yAxis: { type: "value", minInterval: 1 },
          dataZoom: data.trend.categories.length > 24 ? [{ type: "inside" }] : [],
          series: data.trend.series.map(function (s) {
            return { name: s.name, type: "line", showSymbol: false, data: s.data };
          })
        };
      },
      regions: function () {
        return {
          tooltip: tooltip,
          legend: legend,
          grid: grid(),
          xAxis: {
            type: "category",
            data: data.regions.categories,
            axisLabel: { interval: 0, rotate: narrow() ? 45 : 0 }
          },
          yAxis: { type: "value", minInterval: 1 },
          series: data.regions.series.map(function (s) {
            return { name: s.name, type: "bar", data: s.data };
          })
        };
      },
      volunteers: function () {
        return {
          tooltip: { trigger: "item", renderMode: "richText", confine: true },
          legend: { bottom: 0, type: "scroll" },
          series: [
            {
              type: "pie",
              radius: ["30%", "60%"],
              center: ["50%", "45%"],
              label: { show: !narrow(), formatter: "{b}: {c}" },
              data: data.volunteers
            }
          ]
        };
      },
      events: function () {
        return {
          tooltip: tooltip,
          grid: grid(),
          xAxis: { type: "value", minInterval: 1 },
          yAxis: { type: "category", data: data.events.categories, inverse: true },
          series: data.events.series.map(function (s) {
            return { name: s.name, type: "bar", data: s.data };
          })
        };
      }
    };
    // A chart with nothing to draw says so instead of showing empty axes.
    var withEmptyNote = function (option) {
      var total = 0;
      option.series.forEach(function (s) {
        s.data.forEach(function (d) {
          total += typeof d === "number" ? d : d.value;
        });
      });
      // Drawn at once: no animation to wait for on a slow phone (nor in a screenshot).
      option.animation = false;
      option.title = {
        show: total === 0,
        text: data.empty,
        left: "center",
        top: "middle",
        textStyle: { fontSize: 14, fontWeight: "normal", color: "#6c757d" }
      };
      return option;
    };
    var charts = [];
    holder.querySelectorAll("[data-chart]").forEach(function (element) {
      var make = options[element.getAttribute("data-chart")];
      if (!make) {
        return;
      }
      var chart = window.echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(withEmptyNote(make()));
      charts.push({ chart: chart, make: make });
    });
    var pending = null;
    window.addEventListener("resize", function () {
      if (pending) {
        window.clearTimeout(pending);
      }
      pending = window.setTimeout(function () {
        charts.forEach(function (c) {
          c.chart.setOption(withEmptyNote(c.make()));
          c.chart.resize();
        });
      }, 100);
    });
  }

  // The filter on a phone: a preset or a region applies at once; the dates show for "custom" only.
  function filter() {
    var form = document.getElementById("stats-filter");
    if (!form) {
      return;
    }
    var period = form.elements.period;
    var dates = form.querySelectorAll("[data-custom-date]");
    var show = function () {
      var custom = period.value === "custom" || form.querySelector("[data-custom-date] .is-invalid");
      dates.forEach(function (d) {
        d.classList.toggle("d-none", !custom);
      });
    };
    show();
    period.addEventListener("change", function () {
      show();
      if (period.value !== "custom") {
        form.requestSubmit();
      }
    });
    form.elements.region.addEventListener("change", function () {
      form.requestSubmit();
    });
  }

  // The work-report paragraph's copy button: the clipboard API, else the selected text copied the
  // old way; either way the status line says what happened (words from the page's data-*).
  function copy() {
    var button = document.getElementById("stats-report-copy");
    if (!button) {
      return;
    }
    var text = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.getElementById("stats-report-status");
    var say = function (message) {
      if (status) {
        status.textContent = message;
      }
    };
    var fallback = function () {
      text.focus();
      text.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (e) {
        done = false;
      }
      say(button.getAttribute(done ? "data-copied" : "data-copy-failed"));
    };
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text.value).then(function () {
          say(button.getAttribute("data-copied"));
        }, fallback);
      } else {
        fallback();
      }
    });
  }

  function init() {
    filter();
    copy();
    start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
