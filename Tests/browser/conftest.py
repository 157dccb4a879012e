"""Fixtures for the browser tests: the SampleMesh portal built by the just-built meshport binary,
served on loopback by python3 -m http.server (stopped at the end) or opened from file://, and a
headless Debian Chromium driven through chromium-driver by Selenium."""
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _binary():
    explicit = os.environ.get("MESHPORT_BIN")
    if explicit:
        return explicit
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True)
    return os.path.join(out.stdout.strip(), "meshport")


@pytest.fixture(scope="session")
def site():
    """SampleMesh built into a temporary folder; removed afterwards."""
    folder = tempfile.mkdtemp(prefix="meshport-browser-")
    out = os.path.join(folder, "site")
    subprocess.run([_binary(), "build", os.path.join(REPO, "SampleMesh"), "--out", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield out
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def server(site):
    """http://127.0.0.1:PORT/ serving the site, on a free port, stopped when the tests end."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", site],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d/" % port
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "index.html", timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["served", "file"])
def base(request, site):
    """The site's root URL, served on loopback and from file://."""
    if request.param == "served":
        return request.getfixturevalue("server")
    return "file://" + site + "/"


def make_driver(javascript=True):
    options = Options()
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def driver(browser):
    """The shared browser; fails a test that left errors in the console."""
    browser.get_log("browser")  # drop what earlier tests left
    yield browser
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == [], "console errors: %r" % errors


@pytest.fixture(scope="session")
def axe_source():
    """axe-core as shipped inside a PyPI package: axe-playwright-python's (axe 4, installed without
    its Playwright dependency: only the file is used), else axe-selenium-python's (axe 3)."""
    import importlib.util
    for package in ("axe_playwright_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        found = sorted(glob.glob(os.path.join(list(spec.submodule_search_locations)[0], "**", "axe.min.js"), recursive=True))
        if found:
            with open(found[0], encoding="utf-8") as f:
                return f.read()
    pytest.fail("no axe.min.js: pip install --no-deps axe-playwright-python")
