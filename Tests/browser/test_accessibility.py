"""axe-core over every kind of page: no serious or critical violations."""
import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PAGES = {
    "home": "index.html",
    "domain": "domains/sales/index.html",
    "product": "products/sales/order-events/index.html",
    "doc": "products/sales/order-events/usage.html",
    "team": "teams/sales-analytics/index.html",
    "governance": "governance/index.html",
    "lineage": "lineage/index.html",
    "search": "search/index.html?q=orders",
    "not found": "404.html",
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_serious_or_critical_axe_violations(driver, server, site, axe_source, kind):
    path = PAGES[kind]
    if not os.path.exists(os.path.join(site, path.split("?")[0])):
        pytest.skip("this build has no %s" % path)
    driver.get(server + path)
    if kind == "search":
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-results] a"))
    driver.execute_script(axe_source)
    violations = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); },"
        " function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });")
    bad = [v for v in violations if v.get("impact") in ("serious", "critical")]
    report = ["%s (%s): %s at %s" % (v["id"], v["impact"], v["help"], [n.get("target") for n in v["nodes"][:5]]) for v in bad]
    assert bad == [], "\n".join(report)
