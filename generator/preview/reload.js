// woosite serve: reload the page when the site has been rebuilt. Injected by the preview server only,
// never part of a published site. Same-origin script and requests, so a strict CSP allows it.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : null;
  function wait() {
    fetch("/__woosite__/wait?generation=" + encodeURIComponent(generation), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (String(state.generation) !== String(generation)) {
          window.location.reload();
        } else {
          wait();
        }
      })
      .catch(function () { window.setTimeout(wait, 1000); });
  }
  wait();
})();
