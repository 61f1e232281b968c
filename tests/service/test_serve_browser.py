"""The web page of `blocgraph serve`, driven in headless Chromium with Selenium.

Needs the Debian packages chromium and chromium-driver (tests/setup.sh installs them); the
test finds them on PATH or at /usr/bin, so it runs the same wherever they are installed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import pytest
from helpers import Server
from helpers.browser import chromium
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(data_server: Server) -> Server:
    """The session's server on the store built from data/ (the page only reads it)."""
    return data_server


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    with chromium("--disable-gpu") as driver:
        yield driver


def _wait(driver: webdriver.Chrome, css: str, text: str | None = None) -> str:
    wait = WebDriverWait(driver, 30)
    if text is None:
        element = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))
    else:
        wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
        element = driver.find_element(By.CSS_SELECTOR, css)
    return element.text


def test_example_query_runs_and_fills_the_table(site: Server, browser: webdriver.Chrome) -> None:
    browser.get(site.url + "basic")  # the plain page; / is the workbench once built
    WebDriverWait(browser, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#examples option")) > 5
    )
    Select(browser.find_element(By.ID, "examples")).select_by_value("chairs")
    assert "chairmanship" in browser.find_element(By.ID, "query").get_attribute("value").lower()
    browser.find_element(By.ID, "run").click()
    table = _wait(browser, "#results-table", "Kazakhstan")
    assert "Belarus" in table
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results-table th")]
    assert "chairLabel" in headers


def test_typed_query_and_error(site: Server, browser: webdriver.Chrome) -> None:
    browser.get(site.url + "basic")  # the plain page; / is the workbench once built
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys(
        "PREFIX bloc: <https://w3id.org/blocgraph/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT DISTINCT ?who WHERE { ?c bloc:chair ?s . ?s rdfs:label ?who "
        'FILTER(lang(?who) = "en") } ORDER BY ?who'
    )
    browser.find_element(By.ID, "run").click()
    text = _wait(browser, "#results", "row(s)")
    assert "Kazakhstan" in text and "Belarus" in text
    editor.clear()
    editor.send_keys("SELECT * {")
    browser.find_element(By.ID, "run").click()
    assert "400" in _wait(browser, "#results .error", "SPARQL syntax error")


def test_question_box(site: Server, browser: webdriver.Chrome) -> None:
    browser.get(site.url + "basic")  # the plain page; / is the workbench once built
    box = browser.find_element(By.ID, "question")
    box.send_keys("Who chaired the CSTO in 2024?")
    browser.find_element(By.ID, "ask-button").click()
    if importlib.util.find_spec("graph_builder.ask.answer") is None:
        assert "not available" in _wait(browser, "#answer .error", "503")
    else:
        assert "Kazakhstan" in _wait(browser, "#answer-text", "Kazakhstan")


def test_gephi_link(site: Server, browser: webdriver.Chrome) -> None:
    browser.get(site.url + "basic")  # the plain page; / is the workbench once built
    link = browser.find_element(By.ID, "gexf-link")
    assert link.get_attribute("href") == site.url + "export.gexf"


def test_only_http_iris_become_links(site: Server, browser: webdriver.Chrome) -> None:
    """An IRI of another scheme in a result (javascript:, data:) is text, never a link."""
    browser.get(site.url + "basic")
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys("SELECT ?x WHERE { VALUES ?x { <javascript:alert(1)> <data:text/html,hi> "
                     "<https://example.org/a> <https://w3id.org/blocgraph/id/state/kazakhstan> "
                     "} }")
    browser.find_element(By.ID, "run").click()
    text = _wait(browser, "#results-table", "javascript:alert(1)")
    assert "data:text/html,hi" in text
    hrefs = [a.get_attribute("href") for a in
             browser.find_elements(By.CSS_SELECTOR, "#results-table a")]
    assert hrefs == ["https://example.org/a", "https://w3id.org/blocgraph/id/state/kazakhstan"]
