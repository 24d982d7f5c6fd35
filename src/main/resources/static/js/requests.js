// What a page says when a request made in place (htmx) is refused or never arrives. htmx swaps
// only 2xx and 422 answers (see htmx-config in layout/page.jte); any other answer used to leave the
// page as it was, with no word. Its message (the error page's [data-error-message]) now shows in
// the #request-error box, and a file input with data-max-total stops a choice too large to send.
(function () {
  function box() {
    return document.getElementById("request-error");
  }

  function show(text) {
    var b = box();
    if (!b) {
      return;
    }
    b.querySelector("[data-request-error-text]").textContent = text;
    b.classList.remove("d-none");
  }

  function messageOf(xhr, b) {
    if (xhr.status === 413) {
      return b.dataset.tooLarge;
    }
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
      var m = doc.querySelector("[data-error-message]");
      if (m && m.textContent.trim()) {
        return m.textContent.trim();
      }
    } catch (ignored) {
      // not HTML: the general words below
    }
    return b.dataset.fallback;
  }

  // A form marked data-busy-text says it is working while a long request runs (a backup takes
  // about a minute), and its button cannot be pressed again meanwhile.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.busyText) {
      return;
    }
    var button = form.querySelector("button[type=submit]");
    if (button) {
      setTimeout(function () {
        button.disabled = true;
        button.textContent = form.dataset.busyText;
      }, 0);
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var b = box();
    if (b) {
      show(messageOf(event.detail.xhr, b));
    }
  });

  document.addEventListener("htmx:sendError", function () {
    var b = box();
    if (b) {
      show(b.dataset.offline);
    }
  });

  document.addEventListener("htmx:beforeRequest", function () {
    var b = box();
    if (b) {
      b.classList.add("d-none");
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-request-error-close]")) {
      box().classList.add("d-none");
    }
  });

  // Files chosen together that would exceed what one request may carry: refused before sending.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.dataset.maxTotal) {
      return;
    }
    var total = 0;
    for (var i = 0; i < input.files.length; i++) {
      total += input.files[i].size;
    }
    input.setCustomValidity(total > Number(input.dataset.maxTotal) ? input.dataset.maxTotalMessage : "");
    input.reportValidity();
  });
})();
