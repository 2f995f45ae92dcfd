// Draws the charts of a page with the vendored chart.js (wwwroot/lib/chartjs, see VERSION). Progressive
// enhancement: each <figure> holds a server-drawn SVG and a JSON data block; without this script (or without
// chart.js) the SVG stays, and the page's table always holds the numbers. No inline script or style is used:
// sizes are set through the CSSOM, which the CSP allows.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') return;
  var colours = ['#0b4f8a', '#a4001d', '#1e6b2f'];
  var number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

  document.querySelectorAll('script.chart-data[type="application/json"]').forEach(function (block) {
    var spec;
    try { spec = JSON.parse(block.textContent); } catch (e) { return; }
    var figure = block.closest('figure');
    if (!figure || !spec.labels || !spec.series) return;

    var box = document.createElement('div');
    box.className = 'chart-canvas';
    box.style.height = (spec.labels.length * spec.series.length * 26 + 70) + 'px';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', spec.title + '. Talen finns i tabellen.');
    canvas.textContent = spec.title;
    box.appendChild(canvas);
    figure.insertBefore(box, figure.firstChild);
    figure.classList.add('chart-enhanced');

    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return { label: s.label, data: s.values, backgroundColor: colours[i % colours.length] };
        })
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, max: spec.max || undefined, title: { display: !!spec.unit, text: (spec.unit || '').trim() } } },
        plugins: {
          legend: { display: spec.series.length > 1 },
          tooltip: {
            callbacks: {
              label: function (item) {
                var v = item.raw;
                return item.dataset.label + ': ' + (v === null ? 'visas inte' : number.format(v) + (spec.unit || ''));
              }
            }
          }
        }
      }
    });
  });
})();
