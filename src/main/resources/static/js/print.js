// A button with data-print prints the page (a poster): no inline script under the CSP.
(function () {
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-print]")) {
      window.print();
    }
  });
})();
