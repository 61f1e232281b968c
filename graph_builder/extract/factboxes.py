"""The factboxes of a saved HTML page, as lines of text the rules read.

trafilatura keeps an article's running text and, favouring precision, drops its asides and
tables, which is right for menus, related links and newsletters but loses the box a news
site puts beside an explainer ("Asean at a glance: Members: 11; Later members: Brunei
(1984), ..."), where a bloc's membership and chairs are often stated and nowhere else. A box
is an aside, table, definition list or block whose class or id says it holds facts (or a
table of the page's body); each row, item or term becomes a line of its own ("| Members |
A, B |", "Later members: Brunei (1984), ...") so that the table and labelled-line rules
read it as they read a Markdown page.
"""

from __future__ import annotations

import re

# a box of facts, by its class or id; chrome, by its class or id, is never one
_FACTS = re.compile(r"fact|glance|infobox|info-box|key-?(?:facts|points|data)|databox|"
                    r"profile|summary|backgrounder|explainer|timeline|chronolog|at-a", re.I)
_CHROME = re.compile(r"related|newsletter|promo|advert|\bads?\b|share|social|cookie|consent|"
                     r"\bnav|menu|footer|header|comment|subscribe|trending|popular|most|"
                     r"breadcrumb|sponsor|banner|signup|read-?next|more", re.I)
_SPACE = re.compile(r"\s+")


def _text(node) -> str:
    return _SPACE.sub(" ", node.text_content()).strip()


def _lines(box) -> list[str]:
    """A box's caption or heading, then one line per table row, list item or term."""
    out: list[str] = []
    for el in box.iter("caption", "h2", "h3", "h4", "h5", "tr", "li", "dt", "p"):
        if el.tag == "tr":
            cells = [_text(c) for c in el if c.tag in ("th", "td")]
            if any(cells):
                out.append("| " + " | ".join(cells) + " |")
        elif el.tag == "dt":
            dd = el.getnext()
            value = _text(dd) if dd is not None and dd.tag == "dd" else ""
            out.append(f"{_text(el)}: {value}" if value else _text(el))
        elif el.tag == "p" and el.getparent() is not None and el.getparent().tag == "li":
            continue  # read with its item
        elif (line := _text(el)):
            out.append(line)
    return out


def factbox_lines(html: str, body: str) -> list[str]:
    """The lines of the page's factboxes that its extracted `body` does not already hold."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    boxes = []
    for el in root.iter("aside", "table", "dl", "div", "section", "figure"):
        mark = " ".join(filter(None, (el.get("class"), el.get("id"))))
        outer = [a for a in el.iterancestors() if a in boxes]
        if outer or _CHROME.search(mark) or any(
                _CHROME.search(" ".join(filter(None, (a.get("class"), a.get("id"), a.tag))))
                for a in el.iterancestors() if a.tag in ("nav", "footer", "header", "aside",
                                                          "div", "section")
                and a.get("class") is not None):
            continue
        if _FACTS.search(mark) or (el.tag == "table" and not el.xpath(".//a")):
            boxes.append(el)
    out: list[str] = []
    for box in boxes:
        for line in _lines(box):
            if line and line not in body and line not in out:
                out.append(line)
    return out


__all__ = ["factbox_lines"]
