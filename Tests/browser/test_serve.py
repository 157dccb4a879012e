"""meshport serve in headless Chromium: an open page follows edits without a manual reload, keeps its
scroll position, shows broken input in an overlay while the last good page stays, and recovers."""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, _binary

MANIFEST = os.path.join("domains", "sales", "products", "order-events", "product.odps.yaml")
PAGE = "products/sales/order-events/"


@pytest.fixture(scope="module")
def served():
    """`meshport serve` on a copy of SampleMesh, on a free port; yields (base URL, mesh folder, process)."""
    folder = tempfile.mkdtemp(prefix="meshport-serve-")
    mesh = os.path.join(folder, "mesh")
    shutil.copytree(os.path.join(REPO, "SampleMesh"), mesh, ignore=shutil.ignore_patterns("_site"))
    proc = subprocess.Popen([_binary(), "serve", mesh, "--port", "0"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    port = None
    lines = []
    for line in proc.stderr:
        lines.append(line)
        m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    assert port, "serve did not start:\n" + "".join(lines)
    # Keep reading its output so it never blocks on a full pipe.
    threading.Thread(target=lambda: [lines.append(l) for l in proc.stderr], daemon=True).start()
    yield "http://127.0.0.1:%d/" % port, mesh, proc
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


def rewrite(mesh, change):
    path = os.path.join(mesh, MANIFEST)
    with open(path) as f:
        text = f.read()
    # One write of the whole file, as an editor saves.
    with open(path, "w") as f:
        f.write(change(text))
    return text


def test_an_open_product_page_shows_a_manifest_edit_by_itself_and_keeps_its_scroll(served, driver):
    base, mesh, _ = served
    driver.get(base + PAGE)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.execute_script("window.scrollTo(0, 700); window.meshportTestMarker = 'still the old page';")
    scrolled = driver.execute_script("return window.scrollY")
    assert scrolled > 0
    original = rewrite(mesh, lambda t: t.replace("The system of record for customer orders.",
                                                 "The edited system of record for customer orders.", 1))
    try:
        WebDriverWait(driver, 15).until(lambda d: "The edited system of record" in d.page_source)
        assert driver.execute_script("return window.meshportTestMarker === undefined"), "the page reloaded itself"
        WebDriverWait(driver, 5).until(lambda d: abs(d.execute_script("return window.scrollY") - scrolled) <= 2)
    finally:
        rewrite(mesh, lambda _: original)
    WebDriverWait(driver, 15).until(lambda d: "The edited system of record" not in d.page_source)


def test_broken_yaml_shows_the_problem_keeps_serving_and_mending_is_picked_up(served, driver):
    base, mesh, proc = served
    driver.get(base + PAGE)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    original = rewrite(mesh, lambda t: t.replace("name: Order Events", "name: [Order Events", 1))
    try:
        overlay = WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "meshport-problems"))[0]
        text = overlay.text
        assert "domains/sales/products/order-events/product.odps.yaml:" in text, text
        assert "[yaml.syntax]" in text, text
        assert overlay.get_attribute("role") == "alert"
        # The server is up and still serves the last good page.
        assert proc.poll() is None
        with urllib.request.urlopen(base + PAGE, timeout=10) as response:
            assert response.status == 200
            assert b"Order Events" in response.read()
    finally:
        rewrite(mesh, lambda _: original.replace("purpose: >-\n    The system of record",
                                                 "purpose: >-\n    The mended system of record", 1))
    WebDriverWait(driver, 15).until(lambda d: "The mended system of record" in d.page_source)
    assert driver.find_elements(By.ID, "meshport-problems") == []
    rewrite(mesh, lambda _: original)
    WebDriverWait(driver, 15).until(lambda d: "The mended system of record" not in d.page_source)


def test_a_page_loads_nothing_from_outside_the_site_while_served(served, driver):
    base, _, _ = served
    driver.get(base + PAGE)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources, "the page loaded its assets"
    assert all(r.startswith(base) for r in resources), resources
    assert any(r.startswith(base + "__meshport/live-reload.js") for r in resources)
