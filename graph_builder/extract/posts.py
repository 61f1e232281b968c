"""Who holds which post: "Kazakh President Kassym-Jomart Tokayev", "X, the foreign minister
of Y", "Russia's permanent representative, Vassily Nebenzia", "Talgat Kaliyev, director of
the Institute of ... of Kazakhstan".

A person found here also becomes an actor for the other rules: once the article has said
that Tokayev is Kazakhstan's president, "Tokayev proposed" is Kazakhstan proposing, so the
person's later mentions (full name or surname, with or without the title) are masked as
their state (see `mask_persons`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from graph_builder.core import leaders, titles
from graph_builder.core.facts import Post
from graph_builder.core.reference import Entity, get, resolve, state_of_capital
from graph_builder.extract import (
    events,
    phrases,
    post_heads,
    post_leaders,
    post_predecessors,
    post_surnames,
    post_tense,
)
from graph_builder.extract.common import SA, O, S, T, evidence, negated
from graph_builder.extract.context import Context, Item, Masked

# "Minister of Foreign Affairs": the words of the portfolio are capitalised, whatever the
# case rule of the pattern it sits in ("of the Republic" is not part of it)
_MINISTER_OF = (r"minister\s+(?:of|for)\s+(?-i:[A-Z][a-z]+(?:\s+(?:and\s+)?(?:[A-Z][a-z]+|affairs)"
                r"){0,3})")  # ("the minister for European affairs")
_TITLES = titles.known_titles()  # core/data/posts.csv: the one table of titles


def _trie(words: list[str]) -> str:
    """One regular expression for many titles, shared prefixes factored out: the title
    alternation is tried at every word of every sentence, so it must fail fast."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def piece(ch: str) -> str:
        return r"[\s-]+" if ch == " " else r"[\s-]" if ch == "-" else re.escape(ch)

    def build(node: dict) -> str:
        branches = [piece(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


TITLE = (r"(?:(?:first\s+|deputy\s+|acting\s+|vice\s+)?(?:" + _MINISTER_OF + "|"
         + _trie([t for t in _TITLES if t != "presidential"]) + r"))")
_HONORIFIC = r"(?:(?:Sheikh|Sheik|Shaikh|Prince|Princess|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Emir|" \
             r"King|Queen|Sir|Dame|Lord|Lady|Professor|Prof\.|Mme\.?|Madame|Senator|Sen\.|" \
             r"(?:Rt\.?\s+)?Hon\.?|" \
             r"Sultan|General|Gen\.|Admiral|Marshal|Ambassador|Hon\.?|H\.\s?E\.|Colonel|Col\.|" \
             r"Lieutenant|Lt\.|Major|Brigadier|Senior\s+General|Sayyid|" \
             r"(?:His|Her)\s+Excellency|Datuk(?:\s+Seri)?(?:\s+Utama)?|Dato'?(?:\s+Seri)?|" \
             r"Tengku|Tan\s+Sri|(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty)|HRH)\s+)*"
# Names are written with letters outside ASCII ("Orbán", "Peña", "Sinirlioğlu", "Szłapka"):
# the capital and small letters of Latin-1 and Latin Extended-A/B count as letters of a name.
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LO = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())
# ("McEntee", "MacDonald", "DeSantis", "LeBlanc": a capital inside after Mc, Mac, De, Le, La)
_NAME_WORD = (rf"(?:[\u02bb\u2018]?(?:Mc|Mac|De|Le|La|Di|Du)?[{_UP}][{_LO}]+"
              rf"(?:[-'\u2019][{_UP}{_LO}]?[{_LO}]+)*"
              rf"|(?:al|el|ul)-[{_UP}][{_LO}]+|(?:[A-Z]\.){{1,3}})")  # "K.P. Sharma Oli"
_PARTICLE = r"(?:bin|bint|ibn|al|el|da|de|del|dos|van|von|der|di|le|la|Al)"
NAME = (_NAME_WORD + r"(?:(?:\s+(?:" + _PARTICLE + r"\s+)*" + _NAME_WORD + r"){1,4}"
        r"(?:\s+(?:Jr|Sr)\.|\s+(?:II|III|IV|V|VI))?|\s+(?:II|III|IV|V|VI|VII|VIII)\b)")
_STOP_NAMES = re.compile(
    r"^(?:The|A|An|In|On|At|But|And|After|Before|Since|While|When|Both|Its|His|Her|Their|"
    r"This|That|These|Those|Speaking|According|However|Minister|President|Secretary|"
    r"Council|Committee|General|Union|Republic|Kingdom|States|Islamic|Federation|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WORDS_NOT_NAMES = re.compile(
    r"\b(?:Council|Committee|Union|Organi[sz]ation|Ministry|Assembly|Parliament|Summit|"
    r"Declaration|Treaty|Charter|Forum|Institute|University|Bank|Agency|Office|Group|Court|"
    r"Secretariat|Commission|Government|Kremlin|Cabinet|Avenue|Street|Square|Boulevard|"
    r"Prospekt|Road|Bridge|Airport|Hall|Palace|Hotel|Stadium|Prize|Award|"
    + "|".join(phrases.lines("post_portfolio_words.txt")) + r")\b"
)

# "Dr Jane Roe, OBE, MP, Prime Minister of Belize": honours and seats after the name
_POSTNOM = (r"(?:,?\s+(?:" + "|".join(phrases.lines("post_nominals.txt")) + r")\b)*")
# "Kenya's newly re-elected President X": modifiers only, never any word ("talks with")
_ADJ = (r"(?:(?i:" + "|".join(phrases.lines("post_modifiers.txt")) + r")\s+(?:and\s+)?){0,3}")
_FLAGS = re.IGNORECASE
_T = r"(?i:" + TITLE + r")"
_MOD = (r"(?P<mod>(?i:new|outgoing|former|then|incumbent|current|acting|interim|caretaker|"
        r"permanent|long-serving|next|incoming|future|"
        r"veteran|newly\s+(?:appointed|elected))\s+)?")
_BODY_OF = r"(?:\s+(?P<body>Commission|Executive\s+Committee|Secretariat|Board|Parliament))?"
# what a minister heads: "the foreign ministry", "the ministry of defence", "the government"
_MINISTRY = (r"(?i:(?:foreign|defen[cs]e|finance|interior|justice|trade|energy|economy)\s+ministry|"
             r"ministry\s+of\s+(?:foreign\s+affairs|defen[cs]e|finance)|government)")
_UNIT = (r"(?:bloc|union|organi[sz]ation|group|grouping|alliance|body|commission|council|forum|"
         r"commonwealth|association|community)\b")
# "the CSTO secretariat", "the organisation's secretariat", "its secretariat"
_SECRETARIAT = (r"(?:(?i:the)\s+)?(?:(?P<org>" + O + r")(?:'s)?\s+|(?P<pro>(?i:its|the\s+" + _UNIT
                + r"'s))\s+)?(?i:permanent\s+)?(?P<title>(?i:secretariat))\b")
_RULES = [
    ("post.adj-title-name", re.compile(
        r"(?:(?P<st>" + SA + r")|(?P<sp>" + S + r")'s|(?P<org>" + O + r")(?:'s)?)\s+" + _ADJ + _MOD
        + r"(?P<title>" + _T + r")(?:\s+and\s+(?P<title2>" + _T + r"))?(?:\s+to\s+(?:the\s+)?"
        + O.replace("(", "(?P<to>", 1) + r"(?=,))?\s*,?\s+" + _HONORIFIC + r"(?P<name>" + NAME
        + r")")),
    ("post.name-title-of", re.compile(
        r"(?P<name>" + NAME + r")" + _POSTNOM + r",\s+(?:(?i:the|its|his|her|their)\s+)?"
        # "Stanislav Zas, the CSTO's secretary general," / "..., the organisation's ..."
        r"(?:(?P<sp>" + S + r")'s\s+|(?P<op>" + O + r")['\u2019]s\s+)?" + _ADJ
        + _MOD + r"(?:(?P<st>" + SA + r")\s+)?(?P<title>" + _T + r")(?:\s+and\s+(?P<title2>" + _T
        + r"))?"
        r"(?:\s+(?:of|to|at|for)\s+(?:the\s+)?(?P<of>" + SA + "|" + O + r")" + _BODY_OF + r")?"
        # "..., President of Nigeria and Chairman of the Authority": a second post, the
        # organisation's (the one named, else the one in focus)
        r"(?:\s+and\s+(?:(?i:this\s+year's|its|the)\s+)?(?P<title3>(?i:chair(?:man|person|woman)?|"
        r"president|secretary\s+general))(?:\s+of\s+(?:the\s+)?(?:(?P<org3>" + O + r")|(?P<organ3>"
        r"Authority|Assembly|Summit|Conference|(?i:bloc|union|organi[sz]ation|community|"
        r"grouping|alliance))))?(?=\s*[,.;]|\s+(?:who|which|since|for|until)\b))?"
        r"(?!\s*,?\s+(?:Sheikh\s+|Prince\s+)?[A-Z][a-z])(?!\s+[A-Z]\.)")),
    # "the chairperson of the African Union Commission, Moussa Faki Mahamat"
    ("post.title-of-name", re.compile(
        # "the Chairman-in-Office, Minister of Foreign Affairs of North Macedonia, X"
        r"(?:\b(?P<title0>" + _T + r"),\s+)?"
        r"\b(?P<title>" + _T + r")\s+of\s+(?:the\s+)?(?:(?P<of>" + SA + "|" + O + r")" + _BODY_OF
        + r"|(?:[A-Z][a-z]+\s+)?(?P<unit>(?i:" + _UNIT + r")))\s*,?\s+(?:(?P<st2>" + SA
        + r")\s+(?P<title2>" + _T
        + r")\s+)?"
        # "the President of Belarus, Chairman of the Supreme State Council Alexander X"
        r"(?:(?P<chain_title>" + _T + r")\s+of\s+(?:the\s+)?(?P<chain_body>(?:[A-Z][\w-]*\s+)"
        r"{0,4}?(?:Council|Assembly|Committee|Parliament|Board|Authority|Maslahaty|Kurultai|"
        r"Commission|Cabinet|Government))\s*,?\s+)?"
        + _HONORIFIC + r"(?P<name>" + NAME + r")(?![\w'\u2019-])(?!\s+of\s)"
        r"(?!\s+and\s+[A-Z][a-z]+\s+[A-Z])")),
    # "The OAS elected X as its secretary general", "Kenya named X as foreign minister",
    # "approved the candidacy of X for the post of chairman of the Executive Committee": the
    # body or state that appoints holds the post, unless an "of" names another
    ("post.appointed", re.compile(
        r"(?:(?P<by>" + O + "|" + SA + r")(?:\s+(?:of\s+)?[A-Z][a-z]+){0,6}(?:\s+(?:allies|leaders|"
        r"members|member\s+states|ministers|governments))?\s+(?:has\s+|have\s+|"
        r"had\s+|on\s+\w+\s+)?)?(?i:elected|"
        r"re-elected|appointed|named|chose|picked|nominated|designated|confirmed|endorsed|"
        r"approved\s+the\s+(?:candidacy|candidature|nomination|appointment)\s+of)\s+"
        r"(?:(?i:outgoing|former|current|its|the)\s+)?(?:" + SA + r"\s+)?(?:(?i:" + TITLE
        + r")\s+)?" + _HONORIFIC + r"(?P<name>" + NAME + r")" + _POSTNOM
        + r"(?:\s+of\s+(?:the\s+)?" + SA + r")?"
        # "elected X, President of Tanzania, as Chairperson of the Organ": her own post aside
        r"(?:,\s+(?:(?i:the)\s+)?(?i:" + TITLE + r")\s+of\s+(?:the\s+)?" + SA + r"(?=,))?"
        r"(?:\s+(?:on|in)\s+(?:" + T
        + r"|[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+))?,?\s+(?:(?i:as|to\s+serve\s+as|"
        r"to\s+be|to\s+become|(?:for|in)\s+the\s+(?:post|office|position)\s+of)\s+(?:(?i:the|its|"
        r"their|his|her)\s+)?(?:(?P<org>" + O + r")(?:'s)?\s+)?" + _MOD + r"(?P<title>" + _T
        + r")\b(?:\s+of\s+(?:the\s+)?(?P<of>"
        + SA + "|" + O + r")" + _BODY_OF + r"|\s+of\s+the\s+(?P<organ>Organ(?:\s+on\s+[A-Z][a-z]+"
        r"(?:,?\s+(?:and\s+)?[A-Z][a-z]+){0,4})?)(?=\s*[,.;])"
        # "as CSTO secretary general for three years, from 1 January"
        r"|(?=\s+for\s+(?:a|an|the|one|two|three|four|five|six|\w+-year|\u27e6T))"
        r"|(?!\s+(?:of|for|to)\s))|"
        # "Kenya appointed X to head its foreign ministry": the ministry's minister
        r"(?i:to\s+(?:head|lead|run))\s+(?:(?i:the|its|their)\s+)?(?P<headed>" + _MINISTRY
        + r")\b)")),
    # "X was succeeded by Y as foreign minister", "Y will replace X as secretary general":
    # the successor holds the title; its holder is written, else the predecessor's post in
    # the sentence, else (a body's title) the organisation in focus
    ("post.succession", re.compile(
        r"(?:(?:succeeded|replaced)\s+by\s+" + _HONORIFIC + r"(?P<name>" + NAME + r")|(?P<name2>"
        + NAME + r")\s+(?P<verb>(?:will|is\s+(?:set|due)\s+to)\s+(?:replace|succeed)|replaced|"
        r"replaces|succeeded|succeeds)\s+(?:(?:" + S + r")'s\s+)?"
        r"(?:(?i:the|outgoing|incumbent)\s+)?"
        r"(?:(?i:" + TITLE + r")\s+)?" + _HONORIFIC + NAME + r")(?![\w'\u2019-]),?\s+as\s+"
        r"(?:(?i:the|its)\s+)?(?:(?P<org>" + O + r")(?:'s)?\s+|(?P<sp>" + S + r")'s\s+)?" + _MOD
        + r"(?P<title>" + _T + r")\b(?:\s+of\s+(?:the\s+)?(?P<of>" + SA + "|" + O + r")" + _BODY_OF
        + r"|(?!\s+(?:of|for|to)\s))")),
    # "Ian Borg is now the Chairperson-in-Office", "appointed X as Secretary General"
    ("post.name-is-title", re.compile(
        r"(?P<name>" + NAME + r")(?:,\s+(?:a|an|the)\s+[^,;]{1,50},)?,?\s+(?P<verb>(?:is|was|"
        r"became|becomes|has\s+become|as|will\s+(?:become|be)|is\s+(?:set\s+|due\s+)?to\s+"
        r"become|(?:took|takes|will\s+take|is\s+(?:set\s+|due\s+)?to\s+take)\s+(?:over|office)"
        r"\s+as|(?:served|serves)\s+as|(?:was|has\s+been|is|were)\s+(?:(?:formally|"
        r"unanimously|officially)\s+)?(?:named|elected|re-elected|appointed|chosen|confirmed|"
        r"nominated|designated|selected|picked|sworn\s+in)(?:\s+as)?)(?:\s+(?:briefly|once|previously|formerly))?)\s+(?:now\s+)?"
        r"(?:(?i:the|its)\s+)?(?:(?P<org>" + O + r")(?:'s)?\s+|(?P<sp>" + S + r")'s\s+)?" + _MOD
        + r"(?P<title>" + _T + r")\b(?:\s+of\s+(?:the\s+)?(?P<of>" + SA + "|" + O + r")" + _BODY_OF
        + r"|(?=\s+for\s+(?:a|an|the|one|two|three|four|five|six|\w+-year|\u27e6T))"
        r"|(?!\s+(?:of|for|to)\s))")),
    # "The secretary general of the OAS is Albert Ramdin", "Chile, whose president is X"
    ("post.title-of-is", re.compile(
        r"\b(?:(?i:the)\s+)?" + _MOD + r"(?P<title>" + _T + r")\s+of\s+(?:the\s+)?(?P<of>" + SA
        + "|" + O + r")" + _BODY_OF + r"\s+(?:is|was|remains)\s+(?:now\s+)?" + _HONORIFIC
        + r"(?P<name>" + NAME + r")\b")),
    # "OPEC's secretary general is Haitham Al Ghais", "Its secretary general is X of Kuwait"
    ("post.possessive-is", re.compile(
        r"(?:(?P<of>" + SA + "|" + O + r")(?:'s|\u2019s)|\b(?P<its>[Ii]ts))\s+" + _MOD
        + r"(?P<title>" + _T + r")\s+(?:is|was|remains)\s+(?:now\s+|currently\s+)?" + _HONORIFIC
        + r"(?P<name>" + NAME + r")\b")),
    ("post.whose-title", re.compile(
        r"(?P<st>" + SA + r"),\s+whose\s+(?P<title>" + _T + r")\s+(?:is|was)\s+" + _HONORIFIC
        + r"(?P<name>" + NAME + r")\b")),
    ("post.director-of", re.compile(
        r"(?P<name>" + NAME + r"),\s+(?:the\s+)?(?P<title>(?i:(?:deputy\s+|acting\s+)?"
        r"(?:director|head|chairman|chair|rector|dean|president|founder|leader|professor)"
        r"\s+(?:of|at)\s+the\s+)(?P<inst>[A-Z][\w-]*(?:\s+(?:(?:of|for|and|on|the)\s+)?"
        r"[A-Z][\w-]*)*?))\s+(?:of|in)\s+(?P<of>" + S + r")")),
    ("post.title-name", re.compile(
        r"\b(?<!'s\s)(?<![Ii]ts\s)(?<![Hh]is\s)(?<![Hh]er\s)(?<![Tt]heir\s)"
        r"(?P<title>" + _T + r")(?:\s+and\s+(?P<title2>" + _T
        + r"))?\s+" + _HONORIFIC + r"(?P<name>" + NAME + r")")),
    # "presided over by the Prime Minister, Head of Government, X", "the Minister of External
    # Relations, X, opened": a title in apposition before the name
    ("post.the-title-name", re.compile(
        r"\b(?i:the)\s+" + _MOD + r"(?P<title>" + _T + r")(?:,\s+(?i:head\s+of\s+(?:government|"
        r"state)))?,\s+" + _HONORIFIC + r"(?P<name>" + NAME + r")(?=\s*(?:,|;|\(|\.|$))")),
    # "the OSCE has a new secretary general: veteran Turkish diplomat X"
    ("post.new-title-colon", re.compile(
        r"(?P<org>" + O + r")\s+has\s+(?:a|its)\s+new\s+(?P<title>" + _T + r"):\s+(?:(?:[a-z]+|"
        r"\u27e6A\d+\u27e7)\s+){0,3}?" + _HONORIFIC + r"(?P<name>" + NAME + r")")),
    # "Donald Tusk, who is prime minister again", "X, who was Turkey's foreign minister"
    ("post.name-who-is", re.compile(
        r"(?P<name>" + NAME + r")(?:\s+of\s+(?:the\s+)?(?P<st0>" + SA + r"))?,\s+who\s+(?P<verb>is|"
        r"was|has\s+been|had\s+been|became|has\s+become|had\s+become|"
        r"serves\s+as|served\s+as|will\s+(?:become|be)|will\s+take\s+(?:office|over)\s+as|"
        r"is\s+(?:set\s+|due\s+)?to\s+(?:become|take\s+(?:office|over)\s+as))\s+(?:(?:now|again|currently|also|still|briefly)\s+)?(?:(?i:the|its)\s+)?"
        r"(?:(?P<sp>" + S + r")'s\s+|(?P<org>" + O + r")(?:'s)?\s+)?(?:(?P<st>" + SA + r")\s+)?"
        + _MOD + r"(?P<title>" + _T + r")\b(?:\s+of\s+(?:the\s+)?(?P<of>" + SA + "|" + O + r")"
        + _BODY_OF + r")?(?!\s+(?:of|for|to)\s)")),
    # "X, who heads the CSTO secretariat", "the bloc's secretariat is headed by X": the
    # body's secretary general (or the head post the article names for it)
    ("post.heads-secretariat", re.compile(
        r"(?P<name>" + NAME + r"),\s+who\s+(?:currently\s+|now\s+)?(?:heads|leads|runs|"
        r"has\s+(?:led|headed|run))\s+" + _SECRETARIAT)),
    ("post.heads-secretariat", re.compile(
        r"\b" + _SECRETARIAT + r"\s+(?:is|has\s+been|is\s+now)\s+(?:headed|led|run)\s+by\s+"
        + _HONORIFIC + r"(?P<name>" + NAME + r")")),
    # "The delegation of Oman was headed by X, Deputy Prime Minister", "India was
    # represented by X, its foreign minister"
    ("post.represented-by", re.compile(
        r"(?:(?i:the)\s+(?:delegation|team)\s+of\s+(?:the\s+)?(?P<st>" + SA + r")|(?P<sp>" + S
        + r")(?:'s\s+(?:delegation|team))?)\s+(?:was|is|will\s+be|has\s+been)\s+(?:headed|led|"
        r"represented)\s+by\s+" + _HONORIFIC + r"(?P<name>" + NAME + r"),\s+(?:(?i:the|its|"
        r"his|her)\s+)?(?P<title>" + _T + r")(?P<portfolio>\s+for\s+[A-Z][a-z]+(?:\s+(?:and\s+)?"
        r"[A-Z][a-z]+){0,3})?(?=\s*[,.;]|\s+(?:who|and)\b)")),
    # "X, who heads the foreign ministry", "X, who has led Chile's government since 2022"
    ("post.name-who-heads", re.compile(
        r"(?P<name>" + NAME + r")(?:\s+of\s+" + SA + r")?,\s+who\s+(?P<verb>heads|headed|leads|led|"
        r"has\s+led|has\s+headed|runs|ran|has\s+run)\s+(?:(?:(?i:the)\s+)?(?P<body>" + O
        + r")|(?P<sp>" + S + r")'s\s+|(?i:the)\s+(?:(?P<st>" + SA + r")\s+)?)(?:(?P<title>"
        + _MINISTRY + r")\b)?(?:\s+of\s+(?:the\s+)?(?P<of>" + SA + r"))?")),
    # "X, the alliance's chief", "X, the CSTO's top official": the body's head
    ("post.name-who-heads", re.compile(
        r"(?P<name>" + NAME + r"),\s+(?:the\s+)?(?:(?P<body>" + O + r")|the\s+(?P<unit>" + _UNIT
        + r"))'s\s+(?:(?:new|current)\s+)?(?:chief|head|top\s+official|top\s+diplomat|boss)\b")),
    # "his prime minister, Judith Suminwa", "its foreign minister, X", "his Malaysian
    # counterpart Anwar Ibrahim"
    ("post.pronoun-title-name", re.compile(
        r"\b(?P<pro>(?i:his|her|its|their))\s+(?:(?P<st>" + SA + r")\s+|(?P<adj>[A-Z][a-z]+"
        r"(?:an|ese|ian|ish|i|ic))\s+)?" + _MOD
        + r"(?P<title>" + _T + r"|counterparts?)\s*,?\s+" + _HONORIFIC + r"(?P<name>" + NAME
        + r")")),
]
# a body a person chairs: "the Permanent Council", "the Council of Ministers", an organ
# written after its body's name ("the IGAD Assembly", "the CICA ministerial council")
_BODY_HEAD = r"(?:Council|Assembly|Committee|Commission|Board|Parliament|Bureau|Conference)"
_ORGAN = (r"(?:(?!The\b)[A-Z][a-z]+\s+(?:and\s+[A-Z][a-z]+\s+)?){0,3}" + _BODY_HEAD + r"(?:\s+of\s+"
          r"(?:the\s+)?(?:Foreign\s+|Defen[cs]e\s+)?(?:Ministers|Heads\s+of\s+State(?:\s+and\s+"
          r"Government)?))?")
_ORGAN_AFTER = r"(?:(?:[A-Za-z]+\s+){0,3}?(?i:" + _BODY_HEAD + r"))"
_CHAIRS_VERB = (r"(?:chairs|chaired|has\s+chaired|is\s+chairing|will\s+chair|presides\s+over|"
                r"presided\s+over|will\s+preside\s+over|has\s+presided\s+over)")
_CHAIRED_BODY = (r"(?:(?P<org>" + O + r")(?:'s)?(?:\s+(?P<organ2>" + _ORGAN_AFTER + r"))?|"
                 r"(?P<organ>" + _ORGAN + r")(?:\s+of\s+(?:the\s+)?(?P<of>" + O + r"))?)")
_CHAIRS = [
    # "Ana Ruiz will preside over the Permanent Council", "X, who chairs the IGAD Assembly"
    re.compile(r"(?P<name>" + NAME + r")(?:,\s+who\s+(?:currently\s+|now\s+|also\s+)?|\s+)"
               + _CHAIRS_VERB + r"\s+(?:the\s+)?" + _CHAIRED_BODY + r"(?![\w\u27e6])"),
    # "the Council of Ministers of the Andean Community, chaired by Luis Parra"
    # "The Ministerial Council will be chaired by Azerbaijani Foreign Minister X"
    re.compile(r"\b(?:the\s+)?" + _CHAIRED_BODY + r",?\s+(?:(?:is|was|will\s+be|has\s+been|"
               r"is\s+to\s+be|is\s+being)\s+)?(?:chaired|presided\s+over)\s+by\s+(?:the\s+)?"
               r"(?:" + SA + r"\s+)?(?:(?i:" + TITLE + r")\s+)?" + _HONORIFIC + r"(?P<name>" + NAME
               + r")"),
]
# every rule needs a title; a sentence without any title word is skipped before the rules
_TITLE_WORDS = re.compile(r"(?:" + "|".join(sorted({re.escape(t.split()[-1].split("-")[0])
                                                     for t in _TITLES} | {"minister",
                                                                          "counterpart",
                                                                          "director", "head",
                                                                          "chair", "rector",
                                                                          "dean", "founder",
                                                                          "leader",
                                                                          "led by", "run by",
                                                                          "professor"},
                                                    key=len, reverse=True)) + r")")
_TWO_CAPS = re.compile(rf"[{_UP}][\w'-]*\.?\s+(?:" + _PARTICLE + rf"\s+)*[{_UP}]")
# the chairing role's own words: of the body in focus when an "of" names none
_CHAIR_WORDS = ("chairperson", "chairman", "chair")
# words after which a bare title names the official a state just sent
_SENT = re.compile(r"\b(?:sent|sending|send|represented|delegation|led\s+by|instead|while|"
                   r"in\s+(?:his|her)\s+place|on\s+(?:his|her)\s+behalf)\b|;")
_LEADING_TITLE = re.compile(r"^(?:(?i:" + TITLE + r")\s+)+" + _HONORIFIC)
_LEADING_HONORIFIC = re.compile(r"^(?:[A-Z]\.\s?)*" + _HONORIFIC[:-1] + "+")


def _clean_name(name: str) -> str | None:
    name = re.sub(r"'s$", "", name.strip())
    name = _LEADING_TITLE.sub("", name)
    name = _LEADING_HONORIFIC.sub("", name)  # "Sir Keith Marlow", "H.E. Mme Clarisse Ondo"
    # "H.E. John Dramani Mahama" cut after "H.", "(His) Highness Sheikh Tamim" after "His"
    name = re.sub(r"^(?:H\.\s?)?E\.\s+|^(?:Highness|Excellency|Majesty)\s+", "", name)
    name = _LEADING_HONORIFIC.sub("", name)
    if _STOP_NAMES.match(name) or _WORDS_NOT_NAMES.search(name):
        return None
    if len(name.split()) < 2:
        return None
    return name


# a foreign ministry with more in its name is still the foreign ministry: "Minister of
# Foreign Affairs and External Trade", "Minister for Foreign and European Affairs and Trade"
_FOREIGN_PORTFOLIO = re.compile(r"^minister (?:of|for) (?:the )?foreign (?:affairs )?and ")


def _title(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.strip().lower()).replace("secretary-general",
                                                            "secretary general")
    if _FOREIGN_PORTFOLIO.match(raw):
        return "foreign minister"
    return titles.normalise_post(raw)


def _dominant_state(ctx: Context) -> str | None:
    """The state an article is about, if one clearly dominates its mentions."""
    counts: dict[str, int] = {}
    for sentence in ctx.sentences:
        for _, _, i in sentence.tokens("SA"):
            state = sentence.state(i)
            if state:
                counts[state] = counts.get(state, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 3 or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)


def _dateline_state(ctx: Context) -> str | None:
    """The state whose capital a report was filed from: a state's official with no state
    written ("MINSK, 12 May - Defence Minister X briefed them") is that state's, as a reader
    takes it; not from a city where bodies sit (lexicon/body_seats.txt: a NATO report from
    Brussels is no Belgian's), nor from any other city of a state."""
    city, _ = events.dateline_city(ctx)
    if city is None or city.label.lower() in _seats():
        return None
    state = state_of_capital(city)
    return state.label if state else None


@lru_cache(maxsize=1)
def _seats() -> frozenset[str]:
    return frozenset(line.lower() for line in phrases.lines("body_seats.txt"))


def extract_posts(ctx: Context) -> list[Post]:
    found: dict[tuple[str, str, str | None], Post] = {}
    dominant: list[str | None] = []
    before: list[Post] = []  # the posts the sentence before named
    for index, sentence in enumerate(ctx.sentences):
        sentence = _called_in_full(_first_names_unmasked(sentence), ctx)
        if not _TITLE_WORDS.search(sentence.masked.lower()):
            # every rule needs a title, but "Paraguay's Santiago Pena", the table's
            # and "He will take over from X" a post the sentence before named
            if "'s " in sentence.masked and _TWO_CAPS.search(sentence.masked):
                _keep_known(found, ctx, _known_holders(sentence, set()))
            for post in post_predecessors.predecessors(sentence, [], before, ctx.published):
                _keep(found, ctx, post)
            before = []
            continue
        # the full-name rules need a name of two capitalised words; a surname after a
        # title ("prime minister Orban") is the surname rules'
        full_names = bool(_TWO_CAPS.search(sentence.masked))
        here: list[tuple[int, Post]] = []  # posts of this sentence, by position
        taken: set[tuple[int, int]] = set()
        appointed: set[tuple[int, int]] = set()  # names the appointing rule has read
        succeeded: list[tuple[int, int]] = []  # "Y will replace X as ...": the whole phrase
        for rule, rx in _RULES if full_names else ():
            for m in rx.finditer(sentence.masked):
                span = m.span("name") if m.group("name") else m.span("name2")
                if rule == "post.name-is-title" and (span in appointed or any(
                        s <= span[0] < e for s, e in succeeded)):
                    continue  # "The OAS elected X as ...": the appointing rule's post;
                    # "Y will replace X as ...": X is the predecessor
                if rule in ("post.title-name", "post.the-title-name") and (
                        any(s <= span[0] < e for s, e in taken)
                        or _AFTER_ENTITY.search(sentence.masked, 0, m.start())):
                    continue
                if rule == "post.name-who-heads" and (m.group("body") or m.groupdict().get("unit")):
                    posts = _head_of_body(sentence, ctx, index, list(found.values()), m)
                else:
                    posts = _post(sentence, ctx, rule, m, here, index, dominant)
                if rule == "post.succession":
                    succeeded.append(m.span())
                for post in posts:
                    here.append((m.start(), post))
                    taken.add(span)
                    if rule == "post.appointed":
                        appointed.add(span)
                    _keep(found, ctx, post)
        for m, post in post_surnames.surname_posts(ctx, sentence):
            if any(s <= m.start("sur") < e for s, e in taken):
                continue
            tense = post_tense.tense_of(sentence, m.start(), m.end(), m.group("mod"), None)
            dated = post_tense.with_tense(post, tense, sentence, m.end(), ctx.published)
            if dated is not None:
                here.append((m.start(), dated))
                _keep(found, ctx, dated)
        for post in post_surnames.plural_posts(ctx, sentence):
            _keep(found, ctx, post)
        if full_names:
            _keep_known(found, ctx, _known_holders(sentence, taken))
            for post in post_leaders.leader_posts(sentence, _clean_name):
                _keep(found, ctx, post)
            for post in post_heads.headed_by(ctx, index, sentence, list(found.values()),
                                             _clean_name, _body_heads(), _body_named):
                _keep(found, ctx, post)
        for post in post_leaders.back_references(ctx, index, _clean_name):
            _keep_known(found, ctx, [post])
        if full_names and _CHAIRING.search(sentence.masked):
            here += [(0, post) for post in _chairs_body(sentence, ctx)]
            for _, post in here:
                key = (post.person.split()[-1], post.post, post.of)
                if post.rule == "post.chairs-body" and key not in found:
                    found[key] = post
        for post in _leader_list(sentence, here) if full_names else ():
            _keep(found, ctx, post)
        mine = [post for _, post in here]
        for post in post_predecessors.predecessors(sentence, mine, before, ctx.published):
            _keep(found, ctx, post)
        before = mine
    return [replace(p, person=leaders.spelling(p.person, p.of)) for p in _settle_states(
        [p for p in found.values() if not _rotating_presidency(p)])]


_PLACE_THEN_NAME = re.compile(r"\u27e6[A-Z](\d+)\u27e7(?=((?:\s+" + _NAME_WORD + r"){1,3}))")


def _first_names_unmasked(sentence: Masked) -> Masked:
    """The sentence with a place read as a first name written back where it and the words
    after it are a name the leaders table knows ("Paraguay's Santiago Pena": not the city of
    Santiago); the items are unchanged."""
    if "\u27e7 " not in sentence.masked:
        return sentence

    def back(m: re.Match[str]) -> str:
        first = sentence.item(m.group(1)).text
        words = m.group(2).split()
        for n in range(len(words), 0, -1):
            if leaders.state_of(" ".join([first, *words[:n]])):
                return first
        return m.group(0)

    masked = _PLACE_THEN_NAME.sub(back, sentence.masked)
    if masked == sentence.masked:
        return sentence
    return Masked(sentence.start, sentence.end, sentence.text, masked, sentence.items,
                  sentence.in_title)


_POSSESSIVE_NAME = re.compile(r"(?P<sp>" + S + r")'s\s+(?P<name>" + NAME + r")(?![\w'\u2019-])")


def _known_holders(sentence: Masked, taken: set[tuple[int, int]]) -> list[Post]:
    """"Uruguay's Luis Lacalle Pou", "Nigeria's Bola Tinubu": a state's own person with no
    title written holds the post the reader knows them by (the leaders table), if the
    table places them in that state."""
    out: list[Post] = []
    for m in _POSSESSIVE_NAME.finditer(sentence.masked):
        raw = m.group("name")
        if any(s <= m.start("name") < e for s, e in taken) or _LEADING_TITLE.match(raw) or \
                negated(sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        state = sentence.state(_index_of(m.group("sp")))
        name = _clean_name(raw)
        name = leaders.spelling(name, state) if name else None  # "Kyrgyzstan's Sadyr Zhaparov"
        known = leaders.known_post(name) if name else None
        if name and known and state and known[0] == state:
            out.append(Post(name, known[1], state, evidence=evidence(sentence),
                            origin="extracted", confidence=0.55, rule="post.known-holder"))
    return out


def _keep_known(found: dict[tuple[str, str, str | None], Post], ctx: Context,
                posts: list[Post]) -> None:
    """Keep the posts the leaders table alone gives; their holders, unless the text also
    gives them a title, are masked for the other rules by full name only."""
    for post in posts:
        if post.person not in ctx.persons:
            ctx.full_name_only.add(post.person)
        _keep(found, ctx, post)


def _keep(found: dict[tuple[str, str, str | None], Post], ctx: Context, post: Post) -> None:
    """Record a post once per (surname, title, holder); a post held now also makes its
    holder known to the later sentences and the other rules (an ended or planned one does
    not: "former president X said" is no state speaking)."""
    key = (post.person.split()[-1], post.post, post.of)
    if key not in found:
        found[key] = post
        if post.end is None and post.modality is None:
            ctx.persons.setdefault(post.person, (post.post, post.of))


def _called_in_full(sentence: Masked, ctx: Context) -> Masked:
    """The sentence with each later mention of an official by surname alone ("Sinirlioglu
    was briefly Turkey's foreign minister") written as the full name the article gave
    ("Feridun Sinirlioglu"), so the rules that read a name read it; the sentence itself
    and its items are unchanged."""
    full: dict[str, str | None] = {}
    for person in ctx.persons:
        words = person.split()
        if len(words) > 1 and len(words[-1]) > 3:
            full[words[-1]] = person if full.get(words[-1], person) == person else None
    names = {k: v for k, v in full.items() if v and k in sentence.masked}
    if not names:
        return sentence
    rx = re.compile(r"(?<![\w'\u2019-])(" + "|".join(map(re.escape, names)) + r")(?![\w'\u2019-])")
    masked = sentence.masked

    def expand(m: re.Match[str]) -> str:
        before = masked[:m.start()]
        if re.search(rf"[{_UP}][\w'.-]*\s+(?:{_PARTICLE}\s+)*$", before) or re.match(
                rf"\s+[{_UP}]", masked[m.end():]):
            return m.group(0)  # part of a longer name, or a name the rules already read
        return names[m.group(1)] or m.group(0)

    expanded = rx.sub(expand, masked)
    if expanded == masked:
        return sentence
    return Masked(sentence.start, sentence.end, sentence.text, expanded, sentence.items,
                  sentence.in_title)


def _rotating_presidency(post: Post) -> bool:
    """"Juncker, the outgoing president of the Council (of the EU)": a body whose presidency
    rotates among its states every half year (chair_term_months in organisations.csv) is
    chaired by the state; its leader presiding is that state's chairmanship, no post."""
    if post.post not in ("president", "chair", "chairperson", "chairman", "chairwoman"):
        return False
    body = resolve(post.of, "organization") if post.of else None
    # (a month-long presidency, the Security Council's, is written as its president's post)
    return body is not None and (body.chair_term_months or 0) >= 6


_SHARED_OF = re.compile(r"\s+and\s+(?:" + _T + r"\s+)?" + _HONORIFIC + NAME
                        + r"\s+of\s+(?:the\s+)?\u27e6S(\d+)\u27e7")
_GUESSED = ("post.title-name", "post.pronoun-title-name", "post.the-title-name")
# "John Mahama, President-elect", "X was elected president": the name before its title
_NAME_FIRST = ("post.name-title-of", "post.name-is-title")
# ...whose title ends the phrase: not "X, as Prime Minister Y", "X, the Emir of Qatar Y"
_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s+(?!of\b|to\b|for\b|at\b)[a-z])")
# a post a verb states of a name: the holder must be written or known
_STATED_BY_VERB = ("post.name-who-is", "post.name-who-heads")
# "Kazakh President X" is the adjective rule's: a bare title right after a state or a body
# placeholder is not read again as one without its state (a date before it is no holder)
_AFTER_ENTITY = re.compile(r"\u27e6[SAO]\d+\u27e7(?:'s)?\s$")


def _settle_states(posts: list[Post]) -> list[Post]:
    """One state per person and title: a state the text ties to the person wins over a guess.

    "President Javier Milei stayed at home" names no state; the nearest one in the sentence
    is a guess, while "Argentina's President Javier Milei" elsewhere in the article says it.
    A guessed post that another sentence contradicts is dropped; the stated one stays.
    """
    stated: dict[tuple[str, str], set[str | None]] = {}
    for post in posts:
        if post.rule not in _GUESSED:
            stated.setdefault((post.person.split()[-1], post.post), set()).add(post.of)
    kept: list[Post] = []
    for post in posts:
        known = stated.get((post.person.split()[-1], post.post))
        if post.rule in _GUESSED and known and post.of not in known:
            continue
        kept.append(post)
    return kept


_LIST_ITEM = r"(?:" + NAME + r")\s+of\s+(?:the\s+)?" + SA
_LEADER_LIST = re.compile(
    r"(?:\b(?P<lead>(?i:(?:the\s+(?:two|three|four|five|six)\s+)?(?:[a-z]+\s+){0,2}ministers|"
    r"presidents|prime\s+ministers|foreign\s+ministers|defen[cs]e\s+ministers|"
    r"(?:his|her|their)\s+counterparts|counterparts|leaders|heads\s+of\s+state|brought\s+together|"
    r"attended\s+by|joined\s+by|including|with))"
    # "the presidents of all five full members: A of X, B of Y"
    r"(?:\s+of\s+(?:the\s+)?(?:all\s+)?(?:[\w-]+\s+){0,3}?(?:members|member\s+states|states|"
    r"countries|nations))?\s*[:,]?\s+)?"
    r"(?P<items>" + _LIST_ITEM + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _LIST_ITEM + r")+)")
_ITEM = re.compile(r"(?P<name>" + NAME + r")\s+of\s+(?:the\s+)?" + SA)
# "Presidents Costa of Cape Verde and Mendes of Guinea-Bissau": after a plural title the
# holders may be written by surname alone
_SURNAME_ITEM = r"(?:" + NAME + "|" + _NAME_WORD + r")\s+of\s+(?:the\s+)?" + SA
_SURNAME_LIST = re.compile(
    r"\b(?P<lead>(?i:presidents|prime\s+ministers|(?:[a-z]+\s+)?ministers|premiers|"
    r"chancellors))\s+(?P<items>" + _SURNAME_ITEM + r"(?:(?:\s*,\s*|,?\s+and\s+)"
    + _SURNAME_ITEM + r")+)")
_SURNAME_ONE = re.compile(r"(?P<name>" + NAME + "|" + _NAME_WORD + r")\s+of\s+(?:the\s+)?" + SA)
# "hosted the foreign ministers of A and B for talks with their counterpart, X"
_PLURAL_BEFORE = re.compile(r"\b((?:[a-z]+\s+)?ministers|presidents)\s+of\b", re.IGNORECASE)


def _leader_list(sentence: Masked, here: list[tuple[int, Post]]) -> list[Post]:
    """"Presidents A of Belarus, B of Kazakhstan and C of Russia": one post per name.

    The title is the plural one before the list, else that of the official the sentence
    named first ("Japarov chaired the talks, which brought together A of X, B of Y"); with
    neither, the list says nothing about the posts and gives none.
    """
    out: list[Post] = []
    for m in _LEADER_LIST.finditer(sentence.masked):
        lead = " ".join((m.group("lead") or "").lower().split())
        plural = re.sub(r"^the\s+(?:(?:two|three|four|five|six)\s+)?", "", lead)
        # "along with Prime Ministers A of X and B of Y": the connective is no title
        plural = re.sub(r"^(?:(?:along|together|with|and|by|including|as|alongside|among)\s+)+",
                        "", plural)
        title = titles.singular(plural)
        if title is None and lead.endswith("ministers"):  # "the two interior ministers"
            title = _title(plural[:-1])
        if title is None:
            earlier = [post for at, post in here if at < m.start()]
            if not earlier or lead in ("including", "with"):
                continue
            title = earlier[0].post
        if negated(sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        for item in _ITEM.finditer(sentence.masked, m.start("items"), m.end("items")):
            name = _clean_name(item.group("name"))
            token = re.search(r"\d+", item.group(0)[item.group(0).rfind("\u27e6"):])
            state = sentence.state(token.group(0)) if token else None
            if name and state:
                out.append(Post(name, title, state, evidence=evidence(sentence),
                                origin="extracted", confidence=0.75, rule="post.leader-list"))
    return out + _surname_list(sentence, {p.person for p in out})


def _surname_list(sentence: Masked, named: set[str]) -> list[Post]:
    """"Foreign Ministers Okafor of Nigeria and Diallo of Senegal": one post per holder,
    the title the plural one (which must be a title the table lists)."""
    out: list[Post] = []
    for m in _SURNAME_LIST.finditer(sentence.masked):
        title = titles.singular(" ".join(m.group("lead").lower().split()))
        if title is None or negated(sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        for item in _SURNAME_ONE.finditer(sentence.masked, m.start("items"), m.end("items")):
            name = _LEADING_HONORIFIC.sub("", item.group("name").strip())
            state = sentence.state(_index_of(item.group(0)[item.group(0).rfind("\u27e6"):]))
            if name and state and name not in named and not _STOP_NAMES.match(name) \
                    and not _WORDS_NOT_NAMES.search(name):
                out.append(Post(name, title, state, evidence=evidence(sentence),
                                origin="extracted", confidence=0.7, rule="post.leader-list"))
    return out


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    """Seats of government that stand for their state in titles (core/data/metonyms.csv)."""
    import csv
    from importlib import resources

    from graph_builder.core.reference import get

    text = resources.files("graph_builder.core").joinpath("data/metonyms.csv").read_text("utf-8")
    return {row["word"].lower(): get("state", row["state"]).label
            for row in csv.DictReader(text.splitlines())}


# the state a named official acts for, written after the name
_ACTS_FOR = re.compile(r"\s*,?\s+(?:who\s+)?(?:represented|represents|representing|was\s+"
                       r"representing|on\s+behalf\s+of|spoke\s+for|speaking\s+for)\s+"
                       r"(?:the\s+)?\u27e6([SC])(\d+)\u27e7")


_WITH = re.compile(r"\b(?:with|accompanied\s+by|along\s+with|joined\s+by|and\s+(?:his|her))\s+$",
                   re.IGNORECASE)


def _companion_state(ctx: Context, before: str) -> str | None:
    """The state of the official a title accompanies: "Erdogan flew in with Foreign Minister X"."""
    for person, (_, of) in ctx.persons.items():
        surname = person.split()[-1]
        if of and re.search(r"\b" + re.escape(surname) + r"\b", before) and \
                resolve(of, "state") is not None:
            return of
    return None


def _metonym_state(title: str) -> str | None:
    lowered = title.lower().replace("'s", "")
    for word, state in _metonyms().items():
        if lowered.startswith(word) or lowered == word:
            return state
    return None


def _index_of(token: str | None) -> str | None:
    if not token:
        return None
    m = re.search(r"\d+", token)
    return m.group(0) if m else None


def _post(sentence: Masked, ctx: Context, rule: str, m: re.Match[str],
          here: list[tuple[int, Post]], index: int, dominant: list[str | None]) -> list[Post]:
    """The posts a match states, each dated by its tense (post_tense.py): "former
    president X" ended, "incoming secretary general X" is to come."""
    groups = m.groupdict()
    tense = post_tense.tense_of(sentence, m.start(), m.end(), groups.get("mod"),
                                groups.get("verb"))
    out = []
    for post in _post_now(sentence, ctx, rule, m, here, index, dominant):
        if tense == "holds":  # "appointed secretary general from 1 January 2026"
            post = post_tense.stated_start(post, sentence, m.end())
        dated = post_tense.with_tense(post, tense, sentence, m.end(), ctx.published)
        if dated is not None:
            out.append(dated)
    return out


def _post_now(sentence: Masked, ctx: Context, rule: str, m: re.Match[str],
              here: list[tuple[int, Post]], index: int, dominant: list[str | None]
              ) -> list[Post]:
    groups = m.groupdict()
    name = _clean_name(groups.get("name") or groups.get("name2") or "")
    if name is None:
        return []
    masked = sentence.masked
    if re.search(r"\s(?:Jr|Sr)$", name) and masked[m.end("name"):].startswith("."):
        name += "."
    if negated(masked[max(0, m.start() - 25):m.start()]):
        return []
    of = None
    for key in ("st", "sp", "op", "org", "of"):
        token = _index_of(groups.get(key))
        if token:
            of = sentence.label(token)
            if of:
                break
    if of is None and groups.get("its") and ctx.topic_org and \
            titles.is_org_post(_title(m.group("title"))):
        of = ctx.topic_org  # "Its secretary general is X": the body in focus
    if of is None and groups.get("adj"):
        # "his Congolese counterpart Felix Tshisekedi": an adjective of two states; the
        # state the table places the person in, if its names share the adjective's stem
        of = _state_of_adjective(name, groups["adj"])
        if of is None:
            return []
    if rule == "post.director-of":
        title = re.sub(r"\s+", " ", m.group("title").strip())
        title = title[0].lower() + title[1:]
        title = re.sub(r"^(director|head|chairman|chair|rector|dean|president|founder|leader"
                       r"|professor)", lambda x: x.group(1).lower(), title, flags=re.I)
        return [Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                     confidence=0.7, rule=rule)]
    if rule == "post.appointed":
        return _appointed(sentence, m, name, ctx.topic_org)
    if rule == "post.heads-secretariat":
        return _secretariat_head(sentence, ctx, m, name, index)
    if rule == "post.name-who-heads" and not groups.get("title"):
        return []
    raw_title = m.group("title")
    if groups.get("portfolio"):  # "Deputy Prime Minister for Cabinet Affairs"
        raw_title += " " + " ".join(groups["portfolio"].split())
    if rule == "post.name-who-heads":  # the head of a ministry is its minister
        raw_title = re.sub(r"(?i)ministry", "minister", raw_title)
        raw_title = "prime minister" if raw_title.lower() == "government" else raw_title
    if raw_title.lower().startswith("counterpart"):
        plural = [titles.singular(p) for p in _PLURAL_BEFORE.findall(masked, 0, m.start())]
        if here:
            title = here[-1][1].post
        elif plural and plural[-1]:
            title = plural[-1]
        elif (groups.get("pro") or "").lower() in ("his", "her") and ctx.persons:
            title = list(ctx.persons.values())[-1][0]  # "he thanked his counterpart, X": the
        else:  # title of the official the sentences before named last
            return []
    else:
        title = _title(raw_title)
    base = re.sub(r"^(?:acting|interim|caretaker)\s+", "", title)
    mod = (groups.get("mod") or "").strip().lower()
    if mod in titles.TEMPORARY and not title.startswith(mod):
        title = f"{mod} {title}"  # "interim President X": a post of its own, held for now
    if groups.get("body"):
        body = " ".join(groups["body"].split()).lower()
        title = f"{title} of the {body}"
    if groups.get("to"):  # "permanent representative to the CSTO" (to the UN: the table's)
        accredited = sentence.label(groups["to"])
        title = _title(f"{title} to the {accredited.lower()}") if accredited else title
    before = masked[:m.start()]
    # "President Cyril Ramaphosa": the reader knows of where ("its president" may be a
    # body's; "X, the Emir of Qatar Sheikh Y" is Y's title)
    if of is None and titles.is_state_post(base) and (
            rule in _GUESSED + _STATED_BY_VERB and rule != "post.pronoun-title-name"
            or rule in _NAME_FIRST and _ENDS.match(masked, m.end())):
        of = leaders.state_of(name)
    if of is None and rule == "post.name-title-of" and titles.is_state_post(base) and \
            re.match(r",\s+(?:the|its)\s", masked[m.end("name"):]) and _ENDS.match(masked, m.end()):
        # "Marie Bjerre, the minister for European affairs, will chair": the article's state
        if not dominant:
            dominant.append(_dominant_state(ctx))
        of = dominant[0]
    if of is None and groups.get("st0") and titles.is_state_post(base):
        of = sentence.state(_index_of(groups["st0"]))  # "X of Kenya, who is president"
    if of is None and rule in _STATED_BY_VERB and not titles.is_org_post(base):
        return []  # "X, who is president": of what, the sentence does not say
    if of is None and raw_title.lower().startswith("counterpart"):
        of = leaders.state_of(name)  # "his counterpart Felix Tshisekedi": not his own state
    if of is None and groups.get("pro"):
        pro = groups["pro"].lower()
        if pro in ("his", "her") and here:
            of = here[-1][1].of
        elif pro == "its" and base == "president" and _nearest_state(sentence, m.start(), True) \
                != _nearest_state(sentence, m.start(), False):
            return []  # "its president" after both a body and a state: which one is unclear
        else:
            of = _nearest_state(sentence, m.start(),
                                pro == "its" and not titles.is_state_post(base))
            if of is None and pro == "its" and titles.is_org_post(base):
                of = ctx.topic_org  # "Its secretary general, X": the body in focus
    org_post = titles.is_org_post(base)
    if of is None and (org_post or base in _CHAIR_WORDS) and rule in (
            "post.title-of-name", "post.name-title-of", "post.name-is-title", "post.title-name",
            "post.the-title-name", "post.name-who-is"):
        if groups.get("unit"):
            of = _body_named(ctx, index, groups["unit"]) or ctx.topic_org
        elif titles.is_org_post(base):
            of = ctx.topic_org
    if of is None:
        of = _metonym_state(raw_title)  # "Kremlin spokesman", "White House spokeswoman"
    if of is None and rule == "post.title-name":
        follows = _OF_STATE.match(masked, m.end())  # "Foreign Minister X of Russia"
        if follows:
            of = sentence.state(follows.group(1))
    if of is None and rule == "post.title-name":
        acting = _ACTS_FOR.match(masked, m.end())  # "Foreign Minister X represented Caracas"
        if acting and acting.group(1) == "S":
            of = sentence.state(acting.group(2))
        elif acting:
            capital_of = state_of_capital(sentence.item(acting.group(2)).entity)
            of = capital_of.label if capital_of else None
    if of is None and rule == "post.title-name" and _WITH.search(before):
        of = _companion_state(ctx, before)
    if of is None:
        of = _metonym_state(masked[max(0, m.start() - 25):m.start()].split(".")[-1].strip()
                            .split(",")[-1].strip())  # "White House spokesperson X"
    if of is None and rule == "post.title-name":
        # "President Bamir Topi and Prime Minister Sali Berisha of Albania": the state the
        # coordinated pair names at its end is each one's
        shared = _SHARED_OF.match(masked, m.end("name"))
        if shared:
            of = sentence.label(shared.group(1))
    if of is None and rule in ("post.title-name", "post.the-title-name"):
        if here and _SENT.search(before) and here[-1][1].of and \
                resolve(here[-1][1].of, "state") is not None:
            of = here[-1][1].of
        elif not titles.is_org_post(base) and not _UNKNOWN_ADJECTIVE.search(before):
            of = _nearest_state(sentence, m.start(), False)
            if of is None and titles.is_state_post(base):
                # the article's own state, else the subject of the previous sentence
                if not dominant:
                    dominant.append(_dominant_state(ctx))
                of = dominant[0]
                if of is None and index:
                    of = _first_state(ctx.sentences[index - 1])
                if of is None:
                    of = _dateline_state(ctx)  # "MINSK - Defence Minister X briefed them"
    if of is None and rule == "post.succession":
        of = next((p.of for _, p in reversed(here) if p.post == base and p.person != name),
                  None) or (ctx.topic_org if org_post else None)
    if of is None:
        return []
    if rule in _NAME_FIRST and not (groups.get("st") or groups.get("of") or groups.get("sp")
                                    or groups.get("op")) \
            and not org_post and of != leaders.state_of(name) and not (
                dominant and of == dominant[0] and rule == "post.name-title-of"):
        return []  # "X, president": of where, only the reader's knowledge of X says
    confidence = 0.6 if rule == "post.title-name" else 0.85
    out = [Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                confidence=confidence, rule=rule)]
    if groups.get("title0") and resolve(of, "state") is not None:
        # a title in apposition before another: the body's in focus, or the same state's
        title0 = _title(groups["title0"])
        holder = ctx.topic_org if titles.is_org_post(title0) else (
            of if titles.is_state_post(title0) else None)
        if holder:
            out.append(Post(name, title0, holder, evidence=evidence(sentence),
                            origin="extracted", confidence=0.7, rule=rule))
    if groups.get("title3") and resolve(of, "state") is not None:
        body = sentence.org(_index_of(groups["org3"])) if groups.get("org3") else ctx.topic_org
        organ = groups.get("organ3") or ""
        title3 = _title(groups["title3"])
        if organ[:1].isupper():
            title3 = f"{title3} of the {organ.lower()}"  # "Chairman of the Authority"
        if body and resolve(body, "organization") is not None:
            out.append(Post(name, title3, body, evidence=evidence(sentence), origin="extracted",
                            confidence=0.7, rule=rule))
    if groups.get("chain_title") and resolve(of, "state") is not None:
        # the second of two titles in a chain is a post of the same state
        body = " ".join(groups["chain_body"].split()).lower()
        out.append(Post(name, f"{_title(groups['chain_title'])} of the {body}", of,
                        evidence=evidence(sentence), origin="extracted", confidence=confidence,
                        rule=rule))
    if groups.get("title2"):  # "Crown Prince and Prime Minister X": two posts, one person
        holder = of
        if groups.get("st2"):
            holder = sentence.label(_index_of(groups["st2"])) or of
            out = [out[0]] if rule != "post.title-of-name" else out
        out.append(Post(name, _title(groups["title2"]), holder, evidence=evidence(sentence),
                        origin="extracted", confidence=confidence, rule=rule))
    return out


_CHAIRING = re.compile(r"\b(?:chair(?:s|ed|ing)|presid(?:es|ed)\s+over|preside\s+over)\b")


def _chairs_body(sentence: Masked, ctx: Context) -> list[Post]:
    """"Ana Ruiz will preside over the Permanent Council": the chair of that body (of the
    organisation it belongs to); "X, who chairs the EAC": the organisation's chair."""
    out: list[Post] = []
    for rx in _CHAIRS:
        for m in rx.finditer(sentence.masked):
            name = _clean_name(m.group("name"))
            before = sentence.masked[max(0, m.start() - 25):m.start()]
            if name is None or negated(before) or re.search(
                    r"\b(?:former|then|could|would|might)\s+$", before, re.I):
                continue
            organ = m.group("organ") or m.group("organ2")
            if not organ and re.search(r"\b(?:chaired|presided)\b", m.group(0)):
                continue  # "X, who chaired the organisation in 2023": a former chair
            holder = m.group("of") or m.group("org")
            of = sentence.org(_index_of(holder)) if holder else ctx.topic_org
            if of is None:
                continue
            title = f"chair of the {' '.join(organ.split())}" if organ else "chair"
            out.append(Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                            confidence=0.75, rule="post.chairs-body"))
    return out


def _secretariat_head(sentence: Masked, ctx: Context, m: re.Match[str], name: str,
                      index: int) -> list[Post]:
    """"X, who heads the CSTO secretariat": the head of a body's secretariat is its
    secretary general, unless the article names another head post of that body ("the
    executive secretary")."""
    pro = (m.group("pro") or "").lower()
    if m.group("org"):
        body = sentence.org(_index_of(m.group("org")))
    elif pro.startswith("the"):
        body = _body_named(ctx, index, pro.split()[-1].removesuffix("'s"))
    else:
        body = (_nearest_state(sentence, m.start("title"), True) if pro else None)
        body = body if body and resolve(body, "organization") else ctx.topic_org
    if body is None:
        return []
    heads = {p for p, of in ctx.persons.values() if of == body and titles.is_org_post(p)}
    title = heads.pop() if len(heads) == 1 else "secretary general"
    return [Post(name, title, body, evidence=evidence(sentence), origin="extracted",
                 confidence=0.75, rule="post.heads-secretariat")]


def _appointed(sentence: Masked, m: re.Match[str], name: str,
               topic: str | None = None) -> list[Post]:
    """"The OAS elected X as its secretary general": the post is the appointing body's (a
    state's post the appointing state's), unless the sentence says of what."""
    if m.group("headed"):  # the head of a ministry is its minister, of a government its PM
        headed = m.group("headed").lower()
        title = "prime minister" if headed == "government" else _title(
            re.sub(r"ministry", "minister", headed))
    else:
        title = _title(m.group("title"))
    if m.group("body"):
        title = f"{title} of the {' '.join(m.group('body').split()).lower()}"
    of = sentence.label(_index_of(m.group("of"))) if m.group("of") else None
    if of is None and m.group("org"):  # "appointed X as CSTO secretary general"
        of = sentence.org(_index_of(m.group("org")))
    if m.group("organ"):  # "as Chairperson of the Organ on Politics, ...": the body in focus
        title = f"{title} of the {' '.join(m.group('organ').split()).lower()}"
        of = of or (sentence.org(_index_of(m.group("by"))) if m.group("by") else None) or topic
    by = _index_of(m.group("by"))
    base = re.sub(r"^(?:acting|interim|caretaker)\s+", "", title)
    if of is None and by:
        if m.group("by").startswith("\u27e6O") and not titles.is_state_post(base):
            of = sentence.org(by)
            organ = resolve(of, "organization") if of else None
            if organ and organ.parent and base.endswith("secretary general"):
                # "The North Atlantic Council picked X to become secretary general": NATO's
                of = get("organization", organ.parent).label
        elif not m.group("by").startswith("\u27e6O") and not titles.is_org_post(base):
            of = sentence.state(by)
    if of is None or (m.group("mod") or "").strip().lower() in ("former", "then"):
        return []
    return [Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                 confidence=0.8, rule="post.appointed")]


# what may follow the body a person heads: not "the CSTO's joint staff", "the CSTO mission"
_BODY_ENDS = re.compile(r"(?:'s\s+(?:chief|head|top|boss|new|current)|\s*(?:[,.;:)]|$)|\s+(?:since|"
                        r"for|from|in|until|and|as|at|on|with|which|when|after|between|to)\b)")


def _head_of_body(sentence: Masked, ctx: Context, index: int, known: list[Post],
                  m: re.Match[str]) -> list[Post]:
    """"X, who has run the organization since 2015", "X, the alliance's chief": the post
    the article names for the head of that body, if it names exactly one, else the title
    of that body's head (lexicon/body_heads.txt); "who headed" is a post that ended."""
    name = _clean_name(m.group("name"))
    token = _index_of(m.group("body"))
    unit = m.groupdict().get("unit")
    body = sentence.label(token) if token else (
        _body_named(ctx, index, unit) or ctx.topic_org if unit else None)
    if not name or not body or not _BODY_ENDS.match(sentence.masked, m.end("body") if token
                                                    else m.end("unit")):
        return []
    heads = {p.post for p in known if p.of == body and titles.is_org_post(p.post)}
    title = heads.pop() if len(heads) == 1 else None if heads else _body_heads().get(body)
    if title is None:
        return []
    post = Post(name, title, body, evidence=evidence(sentence), origin="extracted",
                confidence=0.7, rule="post.name-who-heads")
    verb = (m.groupdict().get("verb") or "").lower()
    tense = "ended" if verb in ("headed", "led", "ran") else "holds"
    dated = post_tense.with_tense(post, tense, sentence, m.end(), ctx.published)
    return [dated] if dated else []


@lru_cache(maxsize=1)
def _body_heads() -> dict[str, str]:
    pairs = (line.split("|", 1) for line in phrases.lines("body_heads.txt"))
    return {label.strip(): title.strip() for label, title in pairs}


def _state_of_adjective(name: str, adjective: str) -> str | None:
    state = leaders.state_of(name)
    entity = resolve(state, "state") if state else None
    stem = adjective.lower()[:4]
    names = " ".join([entity.label, entity.full_name or "", *entity.names]).lower() if entity \
        else ""
    return state if entity and re.search(r"\b" + re.escape(stem), names) else None


# "Congolese President X" where the adjective is unknown: do not guess a state
_UNKNOWN_ADJECTIVE = re.compile(r"\b[A-Z][a-z]+(?:an|ese|ian|ish|i|ic)\s+$")


_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?" + SA)


def _first_state(sentence: Masked) -> str | None:
    for _, _, i in sentence.tokens("SA"):
        state = sentence.state(i)
        if state:
            return state
    return None


def _body_named(ctx: Context, index: int, unit: str) -> str | None:
    """"the union" is the last-named body with that word in its name."""
    unit = unit.lower().rstrip("s")
    for sentence in reversed(ctx.sentences[:index + 1]):
        for _, _, i in reversed(sentence.tokens("O")):
            entity = sentence.item(i).entity
            names = f"{entity.label} {entity.full_name or ''}".lower() if entity else ""
            if unit in names:
                return entity.label
    return None


def _nearest_state(sentence: Masked, position: int, with_orgs: bool) -> str | None:
    """The state (or, for "its", the body) named last before `position`."""
    kinds = "SAO" if with_orgs else "SA"
    for _, kind, i in reversed(sentence.tokens(kinds, 0, position)):
        label = sentence.org(i) if kind == "O" else sentence.state(i)
        if label:
            return label
    return None


def _previous_states(ctx: Context, sentence: Masked) -> set[str]:
    index = next((i for i, s in enumerate(ctx.sentences) if s is sentence), 0)
    if index == 0:
        return set()
    before = ctx.sentences[index - 1]
    return {before.state(i) for _, _, i in before.tokens("SA")} - {None}


@lru_cache(maxsize=1024)
def _state_entity(label: str) -> Entity | None:
    return resolve(label, "state")


def mask_persons(ctx: Context) -> None:
    """Mask each later mention of a state's official as that state, for the other rules."""
    actors: dict[str, Entity] = {}
    for person, (_, of) in ctx.persons.items():
        entity = _state_entity(of) if of else None
        if entity is None:
            continue
        actors[person] = entity
        surname = person.split()[-1]
        if len(surname) > 3 and person not in ctx.full_name_only:
            actors.setdefault(surname, entity)
    if not actors:
        return
    names = "|".join(re.escape(n) for n in sorted(actors, key=len, reverse=True))
    who_rx = re.compile(r"(?<![\w-])(?:" + names + r")\b")
    last: tuple[int, Entity] | None = None  # the official named last, and in which sentence
    for index, sentence in enumerate(ctx.sentences):
        hits = list(who_rx.finditer(sentence.masked))
        if not hits:
            if last and index - last[0] <= 1 and "country" in sentence.masked:
                _mask_his_country(sentence, last[1])
            continue
        last = (index, actors[hits[-1].group(0)])
        masked = sentence.masked
        parts: list[str] = []
        cursor = 0
        for hit in hits:
            if hit.start() < cursor:
                continue
            # what stands before the name and belongs to the mention: "Kazakh President ..."
            window_start = max(cursor, hit.start() - 120)
            lead = _LEAD.search(masked, window_start, hit.start())
            begin = lead.start() if lead else hit.start()
            sentence.items.append(Item("S", sentence.start, sentence.start,
                                       masked[begin:hit.end()], actors[hit.group(0)]))
            parts.append(masked[cursor:begin])
            parts.append(f"\u27e6S{len(sentence.items) - 1}\u27e7")
            cursor = hit.end()
        parts.append(masked[cursor:])
        sentence.masked = "".join(parts)
        if "country" in sentence.masked:
            _mask_his_country(sentence, last[1])


_HIS_COUNTRY = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+country\b(?!'s\s+(?:capital|territory))")


def _mask_his_country(sentence: Masked, state: Entity) -> None:
    """"his country" right after an official is named is that official's state."""
    def replace(m: re.Match[str]) -> str:
        sentence.items.append(Item("S", sentence.start, sentence.start, m.group(0), state))
        return f"\u27e6S{len(sentence.items) - 1}\u27e7"

    sentence.masked = _HIS_COUNTRY.sub(replace, sentence.masked)


# a mention's lead-in, matched backwards from the name: state, title, honorific, given names
_LEAD = re.compile(r"(?<![\w-])(?:" + SA + r"\s+)?(?:(?i:" + TITLE + r")\s+)?" + _HONORIFIC
                   + r"(?:[A-Z][\w-]+\s+){0,3}$|(?:" + SA + r"\s+)$")
