"""Checks shared by the GEXF tests: the official schemas, and graphology-gexf under Node.

The official XSDs declare the viz elements in the GEXF namespace instead of the viz one, so
a file is checked twice: without its viz elements against the XSD of its version, and its
viz elements alone against the 1.3 RELAX NG viz grammar.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

from lxml import etree

from helpers import ROOT, missing

JS_DIR = ROOT / "tests" / "js"
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
RNG_NS = "http://relaxng.org/ns/structure/1.0"


@functools.cache
def _schema_root() -> Path | None:
    """The folder holding gexf-xsd/ and gexf-rng/: $BLOCGRAPH_GEXF_SCHEMAS, else ../shared."""
    for folder in (os.environ.get("BLOCGRAPH_GEXF_SCHEMAS"), ROOT.parent / "shared"):
        if folder and (Path(folder) / "gexf-xsd").is_dir() and (Path(folder) / "gexf-rng").is_dir():
            return Path(folder)
    return None


def schema_dir(kind: str) -> Path:
    """gexf-xsd or gexf-rng; a test that needs one and finds neither place is skipped (CI fails).

    The schemas are CC BY 4.0 files of the GEXF project that the repository does not carry.
    """
    root = _schema_root()
    if root is None:
        missing("GEXF schemas not found: set BLOCGRAPH_GEXF_SCHEMAS to a folder holding "
                "gexf-xsd/ and gexf-rng/, or lay shared/ beside the clone")
    return root / kind


def xsd(version: str) -> etree.XMLSchema:
    """The official XSD of a GEXF version."""
    return etree.XMLSchema(etree.parse(str(schema_dir("gexf-xsd") / version / "gexf.xsd")))


def rng(version: str) -> etree.RelaxNG:
    """The official RELAX NG grammar of a whole GEXF file of that version."""
    return etree.RelaxNG(etree.parse(str(schema_dir("gexf-rng") / version / "gexf.rng")))


def viz_ns(doc: etree._ElementTree) -> str:
    return doc.getroot().nsmap["viz"]


def without_viz(doc: etree._ElementTree) -> etree._ElementTree:
    """The document minus viz elements, which the official XSDs declare in the wrong namespace."""
    doc = copy.deepcopy(doc)
    for el in doc.xpath("//viz:*", namespaces={"viz": viz_ns(doc)}):
        el.getparent().remove(el)
    return doc


def assert_valid(schema, doc) -> None:
    assert schema.validate(doc), str(schema.error_log)


def viz_grammar(namespace: str) -> etree.RelaxNG:
    """A grammar checking viz children of nodes and edges with the GEXF 1.3 viz definitions.

    The 1.2draft grammar includes its viz part without the viz namespace (the same defect as
    the XSDs), so viz elements of both versions are checked with the 1.3 definitions, which
    describe the same colour element, bound to the file's own viz namespace.
    """
    viz_rng = (schema_dir("gexf-rng") / "1.3" / "viz.rng").as_uri()
    text = f"""<grammar xmlns="{RNG_NS}">
      <include href="{viz_rng}" ns="{namespace}"/>
      <start><element name="check" ns=""><zeroOrMore><choice>
        <element name="node" ns=""><ref name="node-content"/></element>
        <element name="edge" ns=""><ref name="edge-content"/></element>
      </choice></zeroOrMore></element></start>
    </grammar>"""
    return etree.RelaxNG(etree.fromstring(text))


def viz_only(doc: etree._ElementTree) -> etree._Element:
    """Each node's and edge's viz children, under plain <node>/<edge> wrappers."""
    ns = doc.getroot().nsmap[None]
    check = etree.Element("check")
    for kind in ("node", "edge"):
        for el in doc.iter(f"{{{ns}}}{kind}"):
            wrapper = etree.SubElement(check, kind)
            for child in el:
                if etree.QName(child).namespace == viz_ns(doc):
                    wrapper.append(copy.deepcopy(child))
    return check


def assert_gexf_valid(path: Path, version: str) -> etree._ElementTree:
    """Both checks (XSD without viz, RELAX NG for viz); the parsed document for more checks."""
    doc = etree.parse(str(path))
    assert_valid(xsd(version), without_viz(doc))
    assert_valid(viz_grammar(viz_ns(doc)), viz_only(doc))
    return doc


def graphology_read(path: Path) -> dict:
    done = subprocess.run(
        ["node", str(JS_DIR / "read_gexf.mjs"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def ensure_graphology() -> None:
    """Node.js and tests/js/node_modules, which tests/setup.sh installs: else skip (CI fails)."""
    if shutil.which("node") is None:
        missing("Node.js is not on PATH: the graphology-gexf (Gephi Lite) check needs it "
                "(tests/setup.sh installs it when run as root)")
    if not (JS_DIR / "node_modules" / "graphology-gexf").is_dir():
        missing("graphology-gexf is not installed in tests/js/node_modules (run tests/setup.sh)")
