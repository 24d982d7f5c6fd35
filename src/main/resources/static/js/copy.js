// A button with data-copy-target="ID" copies that field's value (the API token shown once), and
// says so on itself. Without the clipboard API (plain HTTP), the text is selected for copying.
(function () {
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy-target]");
    if (!button) {
      return;
    }
    var field = document.getElementById(button.dataset.copyTarget);
    if (!field) {
      return;
    }
    field.focus();
    field.select();
    function done() {
      button.textContent = button.dataset.copied;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {});
    } else if (document.execCommand && document.execCommand("copy")) {
      done();
    }
  });
})();

// A page answered to a POST that must not be sent again (a new API token) names its own address
// in data-replace-url: reloading it then asks for that page instead of repeating the POST.
(function () {
  var marked = document.querySelector("[data-replace-url]");
  if (marked && window.history && history.replaceState) {
    history.replaceState(null, "", marked.dataset.replaceUrl);
  }
})();
