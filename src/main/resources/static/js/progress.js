// Follows a background job (an import, a bulk send) on its page: polls the block's data-progress-url once a
// second, redraws its <progress> bar and every [data-field] the answer names, and reloads the page once the
// status is no longer one of data-running (space-separated) so the finished page is shown.
(function () {
  "use strict";
  var block = document.querySelector("[data-progress-url]");
  if (!block || !window.fetch) {
    return;
  }
  var url = block.getAttribute("data-progress-url");
  var running = (block.getAttribute("data-running") || "RUNNING").split(" ");
  var suffix = block.getAttribute("data-percent-suffix") || "%";
  var bar = block.querySelector("progress");

  function field(name) {
    return block.querySelector('[data-field="' + name + '"]');
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("progress answered " + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        bar.value = progress.percent;
        bar.textContent = progress.percent + "%";
        field("percent-text").textContent = progress.percent + suffix;
        Object.keys(progress).forEach(function (name) {
          if (name !== "status" && name !== "percent" && field(name)) {
            field(name).textContent = progress[name];
          }
        });
        if (running.indexOf(progress.status) >= 0) {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }

  window.setTimeout(poll, 1000);
})();
