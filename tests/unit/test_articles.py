"""Reading article files: dateline vs site chrome, HTML, encodings, bad input."""

from pathlib import Path

import pytest

from graph_builder.core.errors import BlocgraphError
from graph_builder.extract import extract_file
from graph_builder.extract.articles import read_article

SEED = Path(__file__).resolve().parents[2] / "data/articles/000_eab27d500f391317.txt"


def test_seed_date_is_the_dateline_not_the_site_clock():
    article = read_article(SEED)
    assert article.published == "2024-01-01"
    assert article.title.startswith("Belarus wraps up 2023 CSTO chairmanship")
    assert "Yerevan:" not in article.body and "Today:" not in article.body


def test_html_uses_page_metadata(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Malta leads the OSCE | Wire</title>"
        '<meta property="article:published_time" content="2024-01-02T10:00:00Z"></head>'
        "<body><div>Today: Friday, 9 February, 2024</div><article><h1>Malta leads the OSCE</h1>"
        "<p>Malta took over the chairmanship of the OSCE on 1 January after weeks of talks "
        "among the participating states in Vienna.</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.published == "2024-01-02"
    assert article.title == "Malta leads the OSCE"
    assert article.text[article.body_offset:].startswith("Malta took over")


def test_legacy_encoding(tmp_path):
    path = tmp_path / "cp1252.txt"
    text = "Türkiye’s président visits Ankara\n\n3 March 2024\n\nThe café – crème in Zürich.\n"
    path.write_bytes(text.encode("cp1252"))
    article = read_article(path)
    assert article.published == "2024-03-03"
    assert "Zürich" in article.text


@pytest.mark.parametrize("content, message",
                         [(b"", "empty"), (b"\x00\x01\x02" * 400, "not a text")])
def test_bad_files_raise_one_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(BlocgraphError, match=message) as info:
        read_article(path)
    assert "\n" not in str(info.value) and "bad.txt" in str(info.value)


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(BlocgraphError, match="too large"):
        read_article(path)


# Communiqués and press releases that date themselves only at the end (our own sentences).
@pytest.mark.parametrize("closing, expected", [
    ("Done at Accra, this 14th day of May 2022.", "2022-05-14"),
    ("Adopted at Lusaka on 2 August 2021", "2021-08-02"),
    ("Issued by the Secretariat, Jakarta, 9 November 2023", "2023-11-09"),
    ("Windhoek, 17 February 2020", "2020-02-17"),
])
def test_a_release_dated_only_in_its_closing_lines(tmp_path, closing, expected):
    page = tmp_path / "release.txt"
    page.write_text("Council names a new chair\n\nThe council agreed that Ghana takes the chair "
                    "for one year.\n\nThe ministers thanked the outgoing chair.\n\n" + closing
                    + "\n", encoding="utf-8")
    assert read_article(page).published == expected


def test_a_date_inside_the_closing_sentences_does_not_date_the_article(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text("Council names a new chair\n\nThe council agreed that Ghana takes the chair.\n"
                    "\nThe next meeting is due on 3 March 2026.\n", encoding="utf-8")
    assert read_article(page).published is None


def test_a_dateline_in_capitals(tmp_path):
    page = tmp_path / "wire.txt"
    page.write_text("Council names a new chair\n\nACCRA, 14 MAY 2022 - The council agreed that "
                    "Ghana takes the chair for one year.\n", encoding="utf-8")
    assert read_article(page).published == "2022-05-14"


_FACTBOX_PAGE = (
    "<html><head><title>Asean grows to eleven | Wire</title>"
    '<meta property="article:published_time" content="2025-10-28"></head><body>'
    "<nav><ul><li>Home</li><li>World</li></ul></nav><article><h1>Asean grows to eleven</h1>"
    "<p>KUALA LUMPUR, 28 October 2025 - Timor-Leste joined the Association of Southeast Asian "
    "Nations on Sunday, the first enlargement of the bloc in a quarter of a century.</p>"
    "<p>Leaders signed the declaration at the opening of the summit, which Malaysia hosted "
    "as this year's chair of the grouping.</p>"
    '<aside class="factbox"><h3>Asean at a glance</h3><ul>'
    "<li><strong>Founded:</strong> Bangkok, 8 August 1967, by Indonesia, Malaysia, the "
    "Philippines, Singapore and Thailand</li>"
    "<li><strong>Later members:</strong> Brunei (1984), Vietnam (1995), Laos and Myanmar "
    "(1997), Cambodia (1999)</li></ul></aside>"
    '<aside class="related"><h3>Read more</h3><ul><li><a href="/x">Thailand and Cambodia '
    "sign a truce</a></li></ul></aside></article></body></html>")


def test_a_pages_factbox_is_read_and_its_related_links_are_not(tmp_path):
    """trafilatura drops asides; the factbox beside the story is kept, line by line, and its
    rows give members with their own years, while the related links stay out."""
    page = tmp_path / "a.html"
    page.write_text(_FACTBOX_PAGE, encoding="utf-8")
    article = read_article(page)
    assert "Later members: Brunei (1984)" in article.text
    assert "sign a truce" not in article.text
    starts = {(m.member, m.start) for m in extract_file(page).memberships}
    assert {("Brunei", "1984"), ("Laos", "1997"), ("Singapore", "1967-08-08")} <= starts
