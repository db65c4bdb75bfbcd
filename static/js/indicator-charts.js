// Draws one Chart.js line chart per province from the data the page embeds with json_script.
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var charts = JSON.parse(source.textContent);
  var colours = ["#0b4f9c", "#a4161a", "#2b7a0b", "#7a4b00", "#5a2d91", "#00707a"];
  var format = new Intl.NumberFormat(document.documentElement.lang || "vi");
  document.querySelectorAll("canvas[data-chart-index]").forEach(function (canvas) {
    var chart = charts[Number(canvas.dataset.chartIndex)];
    var labels = Array.from(new Set([].concat.apply([], chart.series.map(function (s) {
      return s.points.map(function (p) { return p.x; });
    })))).sort();
    new Chart(canvas, {
      type: "line",
      data: {
        labels: labels,
        datasets: chart.series.map(function (series, index) {
          var byDate = {};
          series.points.forEach(function (p) { byDate[p.x] = p; });
          return {
            label: series.unit,
            data: labels.map(function (x) { return byDate[x] ? byDate[x].y : null; }),
            spanGaps: true,
            borderColor: colours[index % colours.length],
            backgroundColor: colours[index % colours.length],
            pointLabels: labels.map(function (x) { return byDate[x] ? byDate[x].label : ""; })
          };
        })
      },
      options: {
        animation: false,
        plugins: {
          tooltip: {
            callbacks: {
              label: function (item) {
                var name = item.dataset.pointLabels[item.dataIndex];
                return name + ": " + format.format(item.parsed.y) + " " + item.dataset.label;
              }
            }
          }
        },
        scales: { y: { ticks: { callback: function (value) { return format.format(value); } } } }
      }
    });
  });
})();
