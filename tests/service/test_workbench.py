"""The analyst's workbench (graph_builder/serve/pages.py, web/): entity pages with content
negotiation, article pages with the facts highlighted, and the views at / driven in
headless Chromium: ask with sources, the timeline, the sigma.js network, YASGUI; nothing
fetched from outside 127.0.0.1. Screenshots of each view go to the test's tmp folder.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import ROOT, Server, missing, serve
from helpers.browser import chromium as headless_chromium

from graph_builder import headless
from graph_builder.serve import pages

SEED = "000_eab27d500f391317"
DIST = ROOT / "graph_builder" / "serve" / "web" / "dist" / "workbench.js"


@pytest.fixture(scope="module")
def site(data_server: Server) -> Server:
    return data_server


# -- the pages, over HTTP ----------------------------------------------------------------

def test_entity_page_lists_chairmanships_with_sources(site: Server) -> None:
    r = httpx.get(site.url + "id/state/kazakhstan", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<h1>Kazakhstan</h1>" in page and "Chairmanships" in page and "Memberships" in page
    assert "passes baton to" in page  # the evidence sentence
    assert f'href="/articles/{SEED}#ev-chairmanship-csto-2024-kazakhstan"' in page
    assert 'href="/id/org/csto"' in page and "https://www.wikidata.org/wiki/Q232" in page
    assert "<script" not in page.split("</head>")[1]  # no inline script


def test_entity_page_pages_its_facts_and_says_how_many(site: Server) -> None:
    """No silent cap: every fact is on some page, and each page says which of how many."""
    import re

    def facts(html: str) -> list[str]:
        return re.findall(r'<li class="fact"><strong><a href="([^"]+)"', html)

    whole = httpx.get(site.url + "id/state/kazakhstan").text
    everything = facts(whole)
    total = len(everything)
    assert total >= 3 and f"showing facts 1–{total} of {total}" in whole
    assert 'rel="next"' not in whole
    seen: list[str] = []
    page, pages = 1, -(-total // 2)
    while True:
        r = httpx.get(site.url + "id/state/kazakhstan", params={"page": page, "per": 2})
        assert r.status_code == 200
        on_page = facts(r.text)
        assert len(on_page) == min(2, total - 2 * (page - 1))
        first = 2 * (page - 1) + 1
        assert f"showing facts {first}–{first + len(on_page) - 1} of {total}" in r.text
        seen += on_page
        if page == pages:
            assert 'rel="next"' not in r.text
            break
        assert f'href="/id/state/kazakhstan?page={page + 1}&amp;per=2"' in r.text
        page += 1
    assert sorted(seen) == sorted(everything) and len(set(seen)) == total
    past = httpx.get(site.url + "id/state/kazakhstan", params={"page": pages + 5, "per": 2})
    assert f"no facts on page {pages + 5}: there are {total}" in past.text
    assert f'?page={pages}&amp;per=2">previous' in past.text


def test_network_file_is_the_states_export_kept_per_generation(site: Server) -> None:
    """The network view's GEXF is /export.gexf's dynamic states view, made once per graph."""
    fresh = httpx.get(site.url + "export.gexf", params={"view": "states", "dynamic": "1"})
    first = httpx.get(site.url + "workbench/states.gexf")
    again = httpx.get(site.url + "workbench/states.gexf")
    assert first.status_code == again.status_code == 200
    assert first.headers["content-type"].startswith("application/gexf+xml")
    assert first.content == fresh.content == again.content
    assert b"<spell" in first.content and b"state/kazakhstan" in first.content


def test_network_json_is_the_gexf_graph(site: Server) -> None:
    """What the view draws (graphology's JSON) has the GEXF's nodes, edges, typed values and
    spells, read by networkx from the file Gephi gets."""
    import io

    import networkx as nx

    gexf = httpx.get(site.url + "workbench/states.gexf").content
    data = httpx.get(site.url + "workbench/states.json").json()
    G = nx.read_gexf(io.BytesIO(gexf))
    assert {n["key"] for n in data["nodes"]} == set(G.nodes)
    assert len(data["edges"]) == G.number_of_edges() and data["options"]["type"] == "undirected"
    assert {frozenset((e["source"], e["target"])) for e in data["edges"]} == {
        frozenset(e) for e in G.edges}
    nodes = {n["key"]: n["attributes"] for n in data["nodes"]}
    kz = nodes["https://w3id.org/blocgraph/id/state/kazakhstan"]
    assert kz["label"] == "Kazakhstan" and isinstance(kz["chairmanships"], int)
    assert kz["chairmanships"] == G.nodes["https://w3id.org/blocgraph/id/state/kazakhstan"][
        "chairmanships"]
    assert all(len(s) == 2 for n in data["nodes"] for s in n["attributes"].get("spells", []))
    assert any(e["attributes"].get("spells") for e in data["edges"])
    assert all(isinstance(e["attributes"]["weight"], float) for e in data["edges"])


@pytest.mark.slow
def test_network_file_follows_a_new_build(data_store: Path, tmp_path: Path) -> None:
    """A build while serving swaps the generation: the kept GEXF is made again."""
    from helpers import copy_store, serve

    from graph_builder import Blocgraph

    store = copy_store(data_store, tmp_path / "store")
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"article": "extra.txt", "published": "2024-05-01",
                                 "memberships": [{"organization": "CSTO", "member": "Uzbekistan",
                                                  "start": "2024", "status": "member"}]}))
    with serve(store) as server:
        before = httpx.get(server.url + "workbench/states.gexf")
        assert before.status_code == 200 and b"state/uzbekistan" not in before.content
        Blocgraph(store).build([ROOT / "data", extra])
        after = httpx.get(server.url + "workbench/states.gexf")
        assert after.status_code == 200 and b"state/uzbekistan" in after.content


@pytest.mark.parametrize("accept, media, needle", [
    ("text/turtle", "text/turtle", "<https://w3id.org/blocgraph/id/state/kazakhstan>"),
    ("application/ld+json", "application/ld+json", '"@id"'),
])
def test_entity_content_negotiation(site: Server, accept: str, media: str, needle: str) -> None:
    r = httpx.get(site.url + "id/state/kazakhstan", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert needle in r.text and "Accept" in r.headers.get("vary", "")
    if media == "application/ld+json":
        ids = {node["@id"] for node in json.loads(r.text)}
        assert "https://w3id.org/blocgraph/id/state/kazakhstan" in ids


def test_unknown_entity_and_article_are_404(site: Server) -> None:
    assert httpx.get(site.url + "id/state/atlantis").status_code == 404
    assert httpx.get(site.url + "articles/no-such-article").status_code == 404


def test_article_page_highlights_the_seed_facts(site: Server) -> None:
    for name in (SEED, SEED.replace("_", "-")):  # the file's stem or the IRI's
        r = httpx.get(site.url + f"articles/{name}")
        assert r.status_code == 200
    page = r.text
    assert page.count('<mark class="fact"') >= 8
    assert 'id="ev-chairmanship-csto-2024-kazakhstan"' in page
    assert "chair.handover" in page and "extracted" in page and "confidence 0.85" in page
    assert "Kassym-Jomart Tokayev" in page and "Yerevan had no representation" in page


def test_named_query_text_for_the_editor(site: Server) -> None:
    r = httpx.get(site.url + "queries/chairs.rq", params={"org": "CSTO"})
    assert r.status_code == 200 and "VALUES" in r.text and "/org/csto>" in r.text
    assert httpx.get(site.url + "queries/nope.rq").status_code == 404


def test_values_stay_text() -> None:
    """Labels and evidence holding markup or javascript: links are escaped, never live."""
    ev = {"text": "<script>alert(1)</script> Belarus", "file": "a<b>.txt", "id": "x"}
    out = pages.evidence_html(ev, ["Belarus"])
    assert "<script>" not in out and "&lt;script&gt;" in out and '<mark class="name">' in out
    assert pages.safe_href("javascript:alert(1)") is None
    assert pages.link("javascript:alert(1)", "<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    text = "Hello <img src=x onerror=alert(1)> world"
    spans = [{"id": "e1", "start": 0, "end": 5, "text": "Hello", "rule": "<r>", "confidence": "1"}]
    html_out = pages.highlighted(text, spans, {"e1": 1})
    assert "<img" not in html_out and "&lt;img" in html_out and "&lt;r&gt;" in html_out


def test_accept_decides_html_or_rdf() -> None:
    assert pages.wants_html(None) and pages.wants_html("*/*")
    assert pages.wants_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert not pages.wants_html("text/turtle")
    assert not pages.wants_html("application/ld+json, text/html;q=0.5")


# -- the views, in headless Chromium -----------------------------------------------------

@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    if not DIST.exists():
        missing("the workbench bundle is not built: run `bash web/setup.sh` (tests/setup.sh "
                "does)")
    # SwiftShader: WebGL for sigma.js without a GPU
    with headless_chromium(*headless.SWIFTSHADER,
                           "--window-size=1400,1000", prefix="blocgraph-workbench-",
                           capabilities={"goog:loggingPrefs": {"performance": "ALL",
                                                               "browser": "ALL"}}) as driver:
        yield driver


def _until(driver, predicate, timeout: float = 30):  # noqa: ANN001
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: predicate(d))


def _shot(driver, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:  # noqa: ANN001
    path = tmp_path_factory.getbasetemp() / f"workbench-{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000  # a drawn page, not a blank one
    return path


@pytest.mark.browser
def test_views_in_chromium_offline(site: Server, chromium, tmp_path_factory) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By

    d = chromium
    d.get_log("performance")  # start the logs afresh
    d.get_log("browser")
    # Ask: the answer and its source, linked to the article page
    d.get(site.url + "#ask")
    d.find_element(By.ID, "wb-question").send_keys("Who chaired the CSTO in 2024?")
    d.find_element(By.ID, "wb-ask-button").click()
    _until(d, lambda d: "Kazakhstan" in d.find_element(By.ID, "wb-answer").text)
    answer = d.find_element(By.ID, "wb-answer")
    links = [a.get_attribute("href") for a in answer.find_elements(By.TAG_NAME, "a")]
    assert site.url + "id/state/kazakhstan" in links
    assert site.url + f"articles/{SEED}" in links
    marks = [m.text for m in answer.find_elements(By.CSS_SELECTOR, "blockquote mark")]
    assert "Kazakhstan" in marks and "CSTO" in marks
    _shot(d, tmp_path_factory, "ask")

    # Timeline of the CSTO: Belarus 2023 and Kazakhstan 2024 as chair terms
    d.get(site.url + "#timeline")
    _until(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-chair"))
    chairs = [a.get_attribute("aria-label")
              for a in d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-chair")]
    assert any(c.startswith("Belarus chair term: 2023") for c in chairs), chairs
    assert any(c.startswith("Kazakhstan chair term: 2024") for c in chairs), chairs
    assert len(d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-member")) == 6
    assert d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-summit")
    href = d.find_element(By.CSS_SELECTOR, "#tl-chart a.tl-chair").get_dom_attribute("href")
    assert "/id/chairmanship/csto/" in href
    # the page times itself; benchmarks/bench_workbench.py reads the figures (not a test's
    # business on a shared machine)
    assert float(d.find_element(By.ID, "tl-chart").get_attribute("data-draw-ms")) > 0
    _shot(d, tmp_path_factory, "timeline")

    # Network: sigma.js draws the states; the slider at 2023 keeps the CSTO six
    d.get(site.url + "#network")
    _until(d, lambda d: d.find_element(By.ID, "nw-canvas").get_attribute("data-visible-nodes"))
    canvas = d.find_element(By.ID, "nw-canvas")
    assert canvas.find_elements(By.TAG_NAME, "canvas")
    d.execute_script("const s = document.getElementById('nw-year'); s.value = 2023;"
                     "s.dispatchEvent(new Event('input'));")
    labels = canvas.get_attribute("data-visible-labels").split("|")
    assert labels == ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]
    assert float(canvas.get_attribute("data-draw-ms")) > 0
    _shot(d, tmp_path_factory, "network")

    # SPARQL: YASGUI against /sparql; IRIs in the table link to the entity pages
    d.get(site.url + "#sparql")
    _until(d, lambda d: d.execute_script("return !!window.blocgraphYasgui"))
    d.execute_script("window.blocgraphYasgui.getTab().getYasqe().query()")
    _until(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#sq-yasgui .yasr a[href*='/id/']"))
    hrefs = [a.get_attribute("href")
             for a in d.find_elements(By.CSS_SELECTOR, "#sq-yasgui .yasr a[href]")]
    assert site.url + "id/state/kazakhstan" in hrefs
    assert "format=csv" in d.find_element(By.ID, "sq-csv").get_attribute("href")
    options = d.find_elements(By.CSS_SELECTOR, "#sq-examples option")
    assert len(options) > 5
    _shot(d, tmp_path_factory, "sparql")

    # the entity and article pages
    d.get(site.url + "id/state/kazakhstan")
    assert "passes baton" in d.find_element(By.TAG_NAME, "main").text
    _shot(d, tmp_path_factory, "entity")
    d.get(site.url + f"articles/{SEED}")
    assert len(d.find_elements(By.CSS_SELECTOR, "mark.fact")) >= 8
    _shot(d, tmp_path_factory, "article")

    time.sleep(0.5)
    requested = set()
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.add(message["params"]["request"]["url"])
    web = {u for u in requested if u.startswith(("http:", "https:", "ws:", "wss:"))}
    assert web and all(u.startswith("http://127.0.0.1:") for u in web), sorted(web)
    # the server's Content-Security-Policy (no inline script or style) holds every view up
    blocked = [e["message"] for e in d.get_log("browser") if "Content Security Policy" in
               e["message"] or "Content-Security-Policy" in e["message"]]
    assert not blocked, blocked


PREFIX = "PREFIX bloc: <https://w3id.org/blocgraph/ontology#>\n"


def _count(url: str, query: str) -> int:
    rows = httpx.get(url + "sparql", params={"query": PREFIX + query},
                     headers={"Accept": "application/sparql-results+json"},
                     timeout=60).json()["results"]["bindings"]
    return int(rows[0]["n"]["value"])


@pytest.mark.browser
@pytest.mark.slow
def test_views_render_the_100k_graph(synth_100k_store: Path, chromium) -> None:  # noqa: ANN001
    """At 100k triples the timeline draws one mark per dated chair term and per membership
    of the organisations it opens with, and the network draws the states and follows its
    year slider. (The draw times are benchmarks/bench_workbench.py's business.)"""
    from selenium.webdriver.common.by import By

    d = chromium
    with serve(synth_100k_store) as site:
        d.get(site.url + "#timeline")
        _until(d, lambda d: d.find_element(By.ID, "tl-chart").get_attribute("data-draw-ms"),
               120)
        orgs = [i.get_attribute("value")
                for i in d.find_elements(By.CSS_SELECTOR, "#tl-orgs input:checked")]
        assert orgs
        values = " ".join(f"<{o}>" for o in orgs)
        chairs = _count(site.url, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { VALUES ?o { "
                        f"{values} }} ?f a bloc:Chairmanship ; bloc:organization ?o ; "
                        "bloc:startDate ?s }")
        members = _count(site.url, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { VALUES ?o { "
                         f"{values} }} ?f a bloc:Membership ; bloc:organization ?o }}")
        assert chairs > 0 and members > 0
        assert len(d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-chair")) == chairs
        assert len(d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-member")) == members

        d.get(site.url + "#network")
        _until(d, lambda d: d.find_element(By.ID, "nw-canvas").get_attribute(
            "data-visible-nodes"), 120)
        canvas = d.find_element(By.ID, "nw-canvas")
        nodes = len(httpx.get(site.url + "workbench/states.json", timeout=60).json()["nodes"])
        shown = int(canvas.get_attribute("data-visible-nodes"))
        assert 100 < shown <= nodes, (shown, nodes)
        low = d.execute_script("const s = document.getElementById('nw-year'); "
                               "s.value = s.min; s.dispatchEvent(new Event('input')); "
                               "return s.value;")
        fewer = int(canvas.get_attribute("data-visible-nodes"))
        assert fewer < shown, (low, fewer, shown)


def _tab_through(d, limit: int = 120) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(id or tag.class, role, accessible name) of each element Tab reaches, once round."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    seen: list[tuple[str, str, str]] = []
    keys: list[str] = []
    for _ in range(limit):
        ActionChains(d).send_keys(Keys.TAB).perform()
        e = d.switch_to.active_element
        key = d.execute_script(
            "const e = document.activeElement; return e === document.body ? 'BODY' : "
            "e.id || (e.tagName + '.' + [...e.classList].join('.') + '@' + "
            "[...e.parentNode.children].indexOf(e) + (e.getAttribute('href') || ''))")
        if keys and key == keys[-1]:
            continue  # the next field of the same control (a date's day, month, year)
        if key == "BODY" or key in keys:
            break
        keys.append(key)
        seen.append((key, e.aria_role, e.accessible_name.strip()))
    return seen


@pytest.mark.browser
def test_keyboard_reaches_every_control_by_name(site: Server, chromium) -> None:  # noqa: ANN001
    """Tab goes through every control of each view, each with a name a screen reader says;
    the tab list, the year slider and the node focus answer to keys; no control traps Tab."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    d = chromium
    wanted = {
        "ask": {"tab-ask", "wb-question", "wb-known-by", "wb-ask-button"},
        "timeline": {"tab-timeline", "tl-org-0", "tl-from", "tl-to", "tl-draw"},
        "network": {"tab-network", "nw-kind-0", "nw-kind-1", "nw-year", "nw-all-years",
                    "nw-focus", "gexf-link"},
        "sparql": {"tab-sparql", "sq-examples", "sq-load", "sq-csv", "sq-json"},
    }
    for view, ids in wanted.items():
        d.get(site.url + "#" + view)
        _until(d, lambda d, view=view: d.execute_script(
            f"return document.body.dataset.{view}Ready"))
        if view == "timeline":
            _until(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-chair"))
        if view == "sparql":
            _until(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#sq-yasgui .CodeMirror"))
        reached = _tab_through(d)
        unnamed = [r for r in reached if not r[2]]
        assert not unnamed, (view, unnamed)
        assert ids <= {r[0] for r in reached}, (view, ids - {r[0] for r in reached})
        tabs = [r for r in reached if r[0] in {f"tab-{v}" for v in wanted}]
        assert tabs == [(f"tab-{view}", "tab", view.capitalize() if view != "sparql"
                         else "SPARQL")]  # one stop for the tab list
        if view == "timeline":
            marks = [r for r in reached if "tl-mark" in r[0]]
            assert any(name.startswith("Kazakhstan chair term: 2024") for _, _, name in marks)
        if view == "sparql":  # the editor is reached, and left again by Tab
            editor = [i for i, r in enumerate(reached) if r[2] == "SPARQL query editor"]
            assert editor and editor[0] < max(i for i, r in enumerate(reached)
                                              if r[0] == "sq-csv")

    # the tab list: arrow keys choose the view
    d.get(site.url + "#ask")
    d.find_element(By.ID, "tab-ask").send_keys(Keys.ARROW_RIGHT)
    _until(d, lambda d: d.execute_script("return location.hash") == "#timeline")
    assert d.switch_to.active_element.get_attribute("id") == "tab-timeline"

    # the network by keyboard: the slider moves the year, a state is focused by name
    d.get(site.url + "#network")
    _until(d, lambda d: d.find_element(By.ID, "nw-canvas").get_attribute("data-visible-nodes"))
    slider = d.find_element(By.ID, "nw-year")
    bottom = int(slider.get_attribute("min"))
    assert bottom < 2023 <= int(slider.get_attribute("max"))
    slider.send_keys(Keys.HOME)
    for _ in range(2023 - bottom):
        slider.send_keys(Keys.ARROW_RIGHT)
    assert slider.get_attribute("aria-valuetext") == "2023", d.execute_script(
        "const s = document.getElementById('nw-year'); return [s.value, s.min, s.max, "
        "document.getElementById('nw-all-years').checked]")
    assert not d.find_element(By.ID, "nw-all-years").is_selected()
    canvas = d.find_element(By.ID, "nw-canvas")
    assert canvas.get_attribute("data-visible-labels").split("|") == [
        "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]
    focus = d.find_element(By.ID, "nw-focus")
    focus.send_keys("Belarus")
    assert Select(focus).first_selected_option.text == "Belarus"
    _until(d, lambda d: canvas.get_attribute("data-focused") == "Belarus")
    link = d.find_element(By.ID, "nw-info-link")
    assert link.get_dom_attribute("href") == "/id/state/belarus"
    assert "linked to" in d.find_element(By.ID, "nw-info").text


def test_workbench_page_has_no_external_assets(site: Server) -> None:
    page = httpx.get(site.url)
    assert page.status_code == 200
    if DIST.exists():
        assert 'id="view-timeline"' in page.text
        assert httpx.get(site.url + "static/dist/workbench.js").status_code == 200
    assert "https://" not in page.text and "http://" not in page.text
    assert "<script>" not in page.text and "<style" not in page.text and " style=" not in page.text


def test_make_docs_rewrites_only_what_changed(tmp_path: Path) -> None:
    """`make docs` leaves docs/ as it was when nothing changed: the ontology page compared
    without the pyLODE release it names, pictures by their pixels, not their bytes."""
    from PIL import Image

    from graph_builder import docs

    page = '<p>x</p><a href="https://github.com/rdflib/pyLODE/release/{}" id="version">{}</a>'
    made, kept = tmp_path / "made.html", tmp_path / "kept.html"
    made.write_text(page.format("3.2.3", "3.2.3"))
    kept.write_text(page.format("3.2.1", "3.2.1"))
    assert docs.place(made, kept, docs.same_html).endswith("unchanged")
    assert "3.2.1" in kept.read_text()
    made.write_text(page.replace("x", "y").format("3.2.3", "3.2.3"))
    assert docs.place(made, kept, docs.same_html).startswith("wrote")
    assert "<p>y</p>" in kept.read_text()

    a, b = tmp_path / "a.png", tmp_path / "b.png"
    Image.new("RGB", (200, 100), "white").save(a)
    Image.new("RGB", (200, 100), "white").save(b, pnginfo=_png_text("made", "again"))
    assert a.read_bytes() != b.read_bytes() and docs.same_picture(a, b)
    changed = Image.new("RGB", (200, 100), "white")
    changed.paste((255, 0, 0), (10, 10, 60, 40))
    changed.save(b)
    assert not docs.same_picture(a, b)
    assert docs.place(b, a, docs.same_picture).startswith("wrote") and docs.same_picture(a, b)


def _png_text(key: str, value: str):  # noqa: ANN202
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return info
