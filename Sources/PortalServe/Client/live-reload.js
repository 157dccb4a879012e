// meshport serve: reloads this page when the site changes, keeping the scroll position, and shows
// the build's problems over the page while the input has errors. Only `meshport serve` adds this
// script to the pages it serves; `meshport build` never writes it.
(function () {
  "use strict";
  var scrollKey = "meshport-scroll:" + location.pathname;
  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null"); sessionStorage.removeItem(scrollKey); } catch (e) { saved = null; }
  if (saved) {
    var restore = function () { window.scrollTo(saved.x, saved.y); };
    restore();
    window.addEventListener("load", restore);
  }

  var stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = "/__meshport/live-reload.css";
  document.head.appendChild(stylesheet);

  var events = new EventSource("/__meshport/events?page=" + encodeURIComponent(location.pathname));
  events.addEventListener("reload", function () {
    try { sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) { /* private mode */ }
    location.reload();
  });
  events.addEventListener("problems", function (event) {
    var report = JSON.parse(event.data);
    show(report.diagnostics || []);
  });
  events.addEventListener("mended", hide);

  function hide() {
    var overlay = document.getElementById("meshport-problems");
    if (overlay) { overlay.remove(); }
  }

  function line(text, className) {
    var item = document.createElement("li");
    item.className = className;
    item.textContent = text;
    return item;
  }

  function place(d) {
    return d.file ? d.file + (d.line ? ":" + d.line + ":" + d.column : "") + ": " : "";
  }

  function show(diagnostics) {
    hide();
    var overlay = document.createElement("section");
    overlay.id = "meshport-problems";
    overlay.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = "meshport: " + diagnostics.length + " error" + (diagnostics.length === 1 ? "" : "s") +
      " in the mesh. This is the last good version of the page; it updates when the input is mended.";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    diagnostics.forEach(function (d) {
      list.appendChild(line(place(d) + d.severity + ": " + d.message + " [" + d.rule + "]", "meshport-problem"));
      (d.notes || []).forEach(function (note) { list.appendChild(line(place(note) + "note: " + note.message, "meshport-note")); });
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }
})();
