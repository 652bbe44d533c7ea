/* Search is an enhancement: without JavaScript the search page lists every programme.
   Loaded as a file (the Content-Security-Policy forbids inline script). Words come from the page,
   which takes them from the UI strings, so the search speaks the site's language. */
(function () {
  "use strict";
  var container = document.getElementById("zoeken");
  if (!container || typeof window.PagefindUI === "undefined") {
    return;
  }
  var words = container.dataset;
  var label = document.createElement("p");
  label.className = "search-label";
  label.textContent = words.label;
  container.parentNode.insertBefore(label, container);
  var ui = new window.PagefindUI({
    element: "#zoeken",
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    translations: {
      search_label: words.label,
      placeholder: words.placeholder,
      zero_results: words.zero,
      one_result: words.one,
      many_results: words.many,
      load_more: words.more,
      clear_search: words.clear,
      filters_label: words.filters,
      searching: words.searching
    }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
