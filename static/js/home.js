/* The home page: the district map, with its legend and a status line. */
(function (global) {
  "use strict";

  const Tracker = global.Tracker;
  const config = JSON.parse(document.getElementById("map-config").textContent);
  const status = document.getElementById("map-status");
  const view = Tracker.createDistrictMap(document.getElementById("map"), config);

  // For tests and the browser console: the map and its district layer.
  global.trackerMap = view;

  view.ready
    .then(function () {
      const count = view.layer.getLayers().length;
      Tracker.addKindLegend(view, config.kinds || {});
      status.textContent = count === 1 ? "1 district" : count + " districts";
      document.body.dataset.mapReady = "true";
    })
    .catch(function (error) {
      status.textContent = error.message;
      status.classList.add("map-status-error");
      document.body.dataset.mapReady = "error";
      console.error(error);
    });
})(window);
