/*
 * District admin: draw every other district, faint and inert, around the one being edited,
 * so the analyst sees where it lies and what it borders (there are no tiles).
 */
(function () {
  "use strict";

  const script = document.currentScript;
  const url = script && script.dataset.districtsUrl;
  if (!url) return;

  window.addEventListener("map:init", function (event) {
    const map = event.detail.map;
    const slugInput = document.getElementById("id_slug");
    const editing = slugInput ? slugInput.value : "";
    fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
        return response.json();
      })
      .then(function (collection) {
        const context = L.geoJSON(collection, {
          interactive: false,
          filter: function (feature) { return feature.id !== editing; },
          style: {
            color: "#7b8794",
            weight: 0.8,
            fillColor: "#cbd2d9",
            fillOpacity: 0.35,
          },
        });
        context.addTo(map).bringToBack();
        map.districtContext = context;
      })
      .catch(function (error) {
        console.warn("District context not drawn:", error);
      });
  });
})();
