// woosite serve: reload the page when the site has been rebuilt and this page changed. Injected by the
// preview server only, never part of a published site. Same-origin script and requests, so a strict CSP
// allows it.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : null;
  var digest = script ? script.getAttribute("data-digest") : "";
  function changed() {
    // The digest of this page's bytes as built now: an unchanged page is not reloaded (a rebuild that
    // showed an edited page first and the rest of the site after it reloads that page once).
    return fetch(window.location.href, { method: "HEAD", cache: "no-store" })
      .then(function (response) { return !digest || response.headers.get("X-Woosite-Digest") !== digest; })
      .catch(function () { return true; });
  }
  function wait() {
    fetch("/__woosite__/wait?generation=" + encodeURIComponent(generation), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (String(state.generation) === String(generation)) {
          wait();
          return;
        }
        changed().then(function (yes) {
          if (yes) {
            window.location.reload();
          } else {
            generation = state.generation;
            wait();
          }
        });
      })
      .catch(function () { window.setTimeout(wait, 1000); });
  }
  wait();
})();
