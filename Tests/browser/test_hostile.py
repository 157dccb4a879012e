"""Hostile input in headless Chromium: a mesh with a payload in every free-text field and hostile
Markdown in every product (hostile_mesh.py) builds, and no payload runs on any page, in any search
index file or in search results. Every page is visited twice: as published, and with its
Content-Security-Policy taken out, so that escaping is tested on its own and not only behind the CSP.

A payload that runs calls alert/confirm/prompt (recorded by a script injected before the page's
own); one that is blocked by the CSP leaves a console error; one that waits for a click or a hover
shows up as an element, an event-handler attribute or a script URL in the DOM. Any of these fails."""
import functools
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import _binary, make_driver
from hostile_mesh import generate
from hostile_payloads import TEXT, URLS

# Recorded before any script of the page runs.
SINK = """
window.__xss = [];
['alert', 'confirm', 'prompt', 'print', 'open'].forEach(function (name) {
  window[name] = function () { window.__xss.push(name + '(' + Array.prototype.join.call(arguments, ',') + ')'); };
});
"""

# Every element the theme, the lineage SVG, cmark-gfm and the search UI make (MarkupAudit's list,
# plus what search-ui.js creates).
ALLOWED = set("""html head body meta title link script header nav main footer section article aside div span p a
ul ol li dl dt dd h1 h2 h3 h4 h5 h6 strong em code pre kbd br hr blockquote del img table caption thead tbody tr
th td figure figcaption details summary form fieldset legend label input select option noscript svg g rect path
text defs marker mark button""".split())

DOM_CHECK = """
var allowed = new Set(arguments[0]), bad = [];
document.querySelectorAll('*').forEach(function (el) {
  var tag = el.tagName.toLowerCase();
  if (!allowed.has(tag)) bad.push('element <' + tag + '>');
  // The theme's scripts, and the index files search.js loads, all from the site itself.
  var src = el.src || '';
  if (tag === 'script' && !(src.indexOf(location.origin + '/') === 0
      && /(\\/assets\\/search(-key|-ui)?|\\/search\\/(manifest|facets|[tpd]\\/\\d+))\\.js$/.test(src))) bad.push('script ' + el.outerHTML.slice(0, 80));
  if (tag === 'meta' && el.httpEquiv && el.httpEquiv.toLowerCase() !== 'content-security-policy') bad.push('meta http-equiv ' + el.httpEquiv);
  Array.prototype.forEach.call(el.attributes, function (a) {
    var name = a.name.toLowerCase();
    if (name.indexOf('on') === 0 || ['style', 'srcdoc', 'formaction'].indexOf(name) >= 0) bad.push('<' + tag + ' ' + name + '>');
    if (['href', 'src', 'action', 'xlink:href', 'data', 'poster', 'background', 'cite'].indexOf(name) >= 0) {
      var url = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data|file):/.test(url)) bad.push('<' + tag + ' ' + name + '="' + a.value.slice(0, 60) + '">');
    }
  });
});
document.querySelectorAll('a').forEach(function (a) {  // HTML and SVG links, as the browser resolves them
  var href = a.getAttribute('href') || a.getAttribute('xlink:href');
  if (href === null) return;
  var protocol = new URL(href, document.baseURI).protocol;
  if (['http:', 'https:', 'mailto:'].indexOf(protocol) < 0) bad.push('link to ' + protocol + ' ' + href.slice(0, 60));
});
return bad.concat(window.__xss.map(function (call) { return 'ran ' + call; }));
"""

CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; under /no-csp/ the same pages without their Content-Security-Policy."""
    def do_GET(self):
        strip = self.path.startswith("/no-csp/")
        if strip:
            self.path = self.path[len("/no-csp"):]
        path = self.translate_path(self.path.split("?")[0])
        if strip and path.endswith(".html") and os.path.isfile(path):
            with open(path, "rb") as f:
                body = CSP.sub(b"", f.read())
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile_site():
    folder = tempfile.mkdtemp(prefix="meshport-hostile-")
    mesh, out = os.path.join(folder, "mesh"), os.path.join(folder, "site")
    generate(mesh)
    run = subprocess.run([_binary(), "build", mesh, "--out", out, "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    yield out
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=hostile_site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d/" % server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def hostile_browser():
    driver = make_driver()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SINK})
    yield driver
    driver.quit()


def pages(site):
    found = []
    for folder, _, files in os.walk(site):
        found += [os.path.relpath(os.path.join(folder, f), site) for f in files if f.endswith(".html")]
    return sorted(found)


def problems_on(driver):
    logs = [e["message"] for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]
    return driver.execute_script(DOM_CHECK, sorted(ALLOWED)) + ["console: " + m[:200] for m in logs]


def test_the_corpus_is_large_and_varied():
    assert len(TEXT) + len(URLS) >= 60
    assert any("<svg" in p for p in TEXT) and any("<math" in p for p in TEXT) and any("{{" in p for p in TEXT)
    assert any(re.search(r"(?i)javascript:", u) and not u.startswith("javascript") for u in URLS)


def test_the_output_has_no_event_handler_or_unsafe_url(hostile_site):
    """The files themselves, as a parser reads them (independent of any browser)."""
    import html.parser

    bad = []

    class Audit(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                url = re.sub(r"[\x00-\x20]", "", value or "").lower()
                if name.startswith("on") or name in ("style", "srcdoc", "formaction") \
                        or re.match(r"(javascript|vbscript|data|file):", url) and name in ("href", "src", "action", "xlink:href"):
                    bad.append((self.page, tag, name, value))
            if tag not in ALLOWED:
                bad.append((self.page, tag))

    for page in pages(hostile_site):
        audit = Audit()
        audit.page = page
        with open(os.path.join(hostile_site, page), encoding="utf-8") as f:
            audit.feed(f.read())
    assert bad == []
    # The payloads are there, as text: the test is not passing because they were dropped.
    with open(os.path.join(hostile_site, "products", "d0", os.listdir(os.path.join(hostile_site, "products", "d0"))[0],
                           "index.html"), encoding="utf-8") as f:
        product = f.read()
    assert "&lt;script&gt;alert(" in product and "onerror=alert(" in product


@pytest.mark.parametrize("csp", ["with-csp", "without-csp"])
def test_no_payload_runs_on_any_page(hostile_browser, hostile_server, hostile_site, csp):
    base = hostile_server + ("no-csp/" if csp == "without-csp" else "")
    found = {}
    listed = pages(hostile_site)
    assert len(listed) >= 20
    hostile_browser.get_log("browser")
    for page in listed:
        hostile_browser.get(base + page)
        assert ("Content-Security-Policy" in hostile_browser.page_source) == (csp == "with-csp"), page
        problems = problems_on(hostile_browser)
        if problems:
            found[page] = problems
    assert found == {}


@pytest.mark.parametrize("csp", ["with-csp", "without-csp"])
def test_no_payload_runs_in_search_results(hostile_browser, hostile_server, csp):
    base = hostile_server + ("no-csp/" if csp == "without-csp" else "")
    queries = ["script", "alert", "onerror", "img src", "svg onload", "javascript", "iframe", "math", "constructor",
               "product", "col", "out", "team", "domain", TEXT[0], TEXT[31], URLS[0]]
    found = {}
    hostile_browser.get_log("browser")
    for query in queries:
        hostile_browser.get(base + "search/index.html?q=" + quote(query))
        WebDriverWait(hostile_browser, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] a") or "No results" in d.find_element(By.ID, "search-status").text)
        problems = problems_on(hostile_browser)
        if problems:
            found[query] = problems
    assert found == {}
    # Results show payloads as text.
    hostile_browser.get(base + "search/index.html?q=script")
    links = WebDriverWait(hostile_browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] a"))
    assert any("<script>" in link.text for link in links)


def test_every_search_index_file_loads_as_data_only(hostile_browser, hostile_server, hostile_site):
    """Each script of the index, loaded on its own: a payload that broke out of a JavaScript string
    would be a syntax error or would run."""
    scripts = sorted(os.path.relpath(os.path.join(folder, f), hostile_site)
                     for folder, _, files in os.walk(os.path.join(hostile_site, "search")) for f in files if f.endswith(".js"))
    assert len(scripts) >= 5
    hostile_browser.get(hostile_server + "no-csp/search/index.html")
    hostile_browser.get_log("browser")
    loaded = hostile_browser.execute_async_script("""
      var files = arguments[0], done = arguments[arguments.length - 1], count = 0, failed = [], added = [];
      files.forEach(function (file) {
        var s = document.createElement('script');
        s.src = '../' + file;
        s.addEventListener('load', finished);
        s.addEventListener('error', function () { failed.push(file); finished(); });
        document.head.appendChild(s);
        added.push(s);
      });
      function finished() {
        if (++count < files.length) return;
        added.forEach(function (s) { s.remove(); });
        done(failed);
      }
    """, scripts)
    assert loaded == []
    assert problems_on(hostile_browser) == []
