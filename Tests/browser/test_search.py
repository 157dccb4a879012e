"""Search in headless Chromium over the SampleMesh portal, served on loopback and from file://."""
import json
import os
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.support.ui import Select

RESULTS = "[data-search-results] a"


def open_search(driver, base, query=""):
    driver.get(base + "search/index.html" + (("?" + query) if query else ""))
    return driver.find_element(By.ID, "search-input")


def wait_results(driver, predicate=lambda links: len(links) > 0, timeout=10):
    def ready(d):
        links = d.find_elements(By.CSS_SELECTOR, RESULTS)
        return links if predicate(links) else False
    return WebDriverWait(driver, timeout).until(ready)


def type_query(box, text):
    box.clear()
    box.send_keys(text)


def test_product_found_by_its_name_is_the_first_result(driver, base):
    box = open_search(driver, base)
    type_query(box, "Customer 360")
    links = wait_results(driver, lambda l: l and "customer-360/index.html" in l[0].get_attribute("href"))
    first = links[0]
    assert first.get_attribute("href").endswith("products/customer/customer-360/index.html")
    assert "Customer 360" in first.text
    marks = [m.text for m in first.find_elements(By.TAG_NAME, "mark")]
    assert "Customer" in marks and "360" in marks
    status = driver.find_element(By.ID, "search-status").text
    assert "result" in status


def test_results_appear_while_typing_a_prefix(driver, base):
    box = open_search(driver, base)
    type_query(box, "Shipm")
    links = wait_results(driver)
    assert "products/logistics/shipments/index.html" in links[0].get_attribute("href")


def test_column_only_one_product_has_links_to_its_anchor(driver, base, site):
    mesh = json.load(open(os.path.join(site, "api", "mesh.json")))
    owners = {}
    for p in mesh["products"]:
        for port in p.get("outputPorts", []):
            owners[port.get("contractId")] = p
    column_products = {}
    for c in mesh["contracts"]:
        for obj in c.get("schema", []):
            for prop in obj.get("properties", []):
                if c["id"] in owners:
                    column_products.setdefault(prop["name"], set()).add(owners[c["id"]]["key"])
    assert column_products["churn_risk_score"] == {"customer/customer-360"}
    box = open_search(driver, base)
    type_query(box, "churn_risk_score")
    first = wait_results(driver)[0]
    href = first.get_attribute("href")
    assert "products/customer/customer-360/index.html#column-" in href and href.endswith("churn-risk-score"), href
    # The anchor exists on the product page.
    first.click()
    WebDriverWait(driver, 10).until(lambda d: "customer-360" in d.current_url)
    anchor = href.split("#", 1)[1]
    assert driver.find_element(By.ID, anchor).tag_name == "tr"


def test_filter_narrows_results_and_is_in_the_url(driver, base):
    box = open_search(driver, base)
    type_query(box, "customer_id")
    wait_results(driver)
    kinds = Select(driver.find_element(By.NAME, "kind"))
    kinds.select_by_value("column")
    domain = Select(driver.find_element(By.NAME, "domain"))
    WebDriverWait(driver, 10).until(lambda d: len(domain.options) > 1)
    domain.select_by_value("marketing")
    links = wait_results(driver, lambda l: l and all("products/marketing/" in a.get_attribute("href") for a in l))
    assert all("#column-" in a.get_attribute("href") for a in links)
    query = parse_qs(urlparse(driver.current_url).query)
    assert query == {"q": ["customer_id"], "kind": ["column"], "domain": ["marketing"]}
    # The same URL opened afresh gives the same results.
    driver.get(driver.current_url)
    again = wait_results(driver)
    assert Select(driver.find_element(By.NAME, "domain")).first_selected_option.get_attribute("value") == "marketing"
    assert all("products/marketing/" in a.get_attribute("href") for a in again)


def test_keyboard_moves_through_results_and_enter_opens_one(driver, base):
    box = open_search(driver, base)
    type_query(box, "orders")
    links = wait_results(driver, lambda l: len(l) >= 2)
    second = links[1].get_attribute("href")
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == links[1].get_attribute("id")
    assert links[1].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url == second)


def test_slash_focuses_the_header_search_box(driver, base):
    driver.get(base + "index.html")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "site-search-input"
    driver.switch_to.active_element.send_keys("Web Sessions" + Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "search/index.html" in d.current_url)
    first = wait_results(driver)[0]
    assert first.get_attribute("href").endswith("products/marketing/web-sessions/index.html")


def test_combobox_roles_and_announced_count(driver, base):
    box = open_search(driver, base, "q=returns")
    wait_results(driver)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    listbox = driver.find_element(By.CSS_SELECTOR, "[data-search-results]")
    assert listbox.get_attribute("role") == "listbox" and box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert all(a.get_attribute("role") == "option" for a in listbox.find_elements(By.TAG_NAME, "a"))
    status = driver.find_element(By.ID, "search-status")
    assert status.get_attribute("role") == "status" and "results for" in status.text


def test_typo_and_no_result(driver, base):
    box = open_search(driver, base)
    type_query(box, "shipmnets ")
    links = wait_results(driver)
    assert any("shipments" in a.get_attribute("href") for a in links[:3])
    type_query(box, "zzzqqq")
    WebDriverWait(driver, 10).until(lambda d: "No results" in d.find_element(By.ID, "search-status").text)
    assert driver.find_elements(By.CSS_SELECTOR, RESULTS) == []


def test_without_javascript_the_page_says_so_and_links_to_domains_and_teams(site):
    from conftest import make_driver
    plain = make_driver(javascript=False)
    try:
        plain.get("file://" + site + "/search/index.html")
        note = plain.find_element(By.TAG_NAME, "main").text
        assert "Search needs JavaScript" in note
        hrefs = [a.get_attribute("href") for a in plain.find_elements(By.CSS_SELECTOR, "main a")]
        assert any(h.endswith("index.html#domains") for h in hrefs) and any(h.endswith("index.html#teams") for h in hrefs)
    finally:
        plain.quit()


def test_query_tokeniser_matches_the_index_tokeniser(driver, base):
    """The same cases as TokenizerTests.swift: search.js must split queries as the index was split."""
    open_search(driver, base)
    words = driver.execute_script(
        "return meshSearch.words(arguments[0]).map(function (w) { return w.terms; });",
        "customer_id customerId HTTPServer orders.customer_id order-events Café a")
    assert words == [["customer", "id", "customer_id"], ["customer", "id", "customer_id"], ["http", "server", "http_server"],
                     ["orders", "customer", "id", "customer_id", "orders.customer_id"], ["order", "events", "order_events"],
                     ["cafe"], []]
