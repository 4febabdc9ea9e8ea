// Follows a running import: polls its progress once a second, redraws the bar and the counts,
// and reloads the page when the import has finished so the rejected rows are shown.
(function () {
  "use strict";
  var block = document.querySelector("[data-progress-url]");
  if (!block || !window.fetch) {
    return;
  }
  var url = block.getAttribute("data-progress-url");
  var bar = document.getElementById("import-progress");

  function field(name) {
    return block.querySelector('[data-field="' + name + '"]');
  }

  function words(status) {
    return status.charAt(0) + status.slice(1).toLowerCase();
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
        field("percent-text").textContent = progress.percent + "% read";
        field("total").textContent = progress.total;
        field("accepted").textContent = progress.accepted;
        field("rejected").textContent = progress.rejected;
        if (progress.status === "RUNNING") {
          window.setTimeout(poll, 1000);
        } else {
          field("status").textContent = words(progress.status);
          window.location.reload();
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }

  window.setTimeout(poll, 1000);
})();
