// The question box: the answer and, under each answer, its sources.
import { articlePath, clear, el, entityLink, highlight } from "./common.js";

function slotNames(understood) {
  const names = [];
  for (const value of Object.values((understood && understood.slots) || {})) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") names.push(v);
  }
  return names;
}

export function initAsk() {
  const form = document.getElementById("wb-ask-form");
  const out = document.getElementById("wb-answer");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = document.getElementById("wb-question").value.trim();
    if (!q) return;
    const params = new URLSearchParams({ q });
    const knownBy = document.getElementById("wb-known-by").value;
    if (knownBy) params.set("known_by", knownBy);
    clear(out);
    out.append(el("p", { class: "wb-status" }, "asking…"));
    let data;
    try {
      const response = await fetch("/ask?" + params);
      if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).trim()}`);
      data = await response.json();
    } catch (error) {
      clear(out);
      out.append(el("p", { class: "error" }, String(error.message || error)));
      return;
    }
    clear(out);
    out.append(el("p", { id: "wb-answer-text", class: "wb-answer-text" }, data.message || "(no answer)"));
    const list = el("ol", { class: "wb-answers" });
    for (const answer of data.answers || []) {
      const dates = [answer.start, answer.end].filter(Boolean);
      const item = el("li", { class: "wb-answer" },
        el("strong", {}, entityLink(answer.iri, answer.label || answer.value || answer.iri)),
        dates.length ? el("span", { class: "dates" }, ` ${dates[0]}${dates[1] && dates[1] !== dates[0] ? " – " + dates[1] : ""}`) : null);
      const names = [answer.label, ...slotNames(data.understood_as)];
      for (const source of answer.sources || []) {
        const quote = el("blockquote", { class: "evidence" });
        quote.append("“", highlight(source.evidence || "", names), "” ");
        if (source.article) quote.append(el("a", { class: "article", href: articlePath(source.article) }, source.article));
        item.append(quote);
      }
      list.append(item);
    }
    out.append(list);
    if (data.sparql) {
      const details = el("details", {}, el("summary", {}, "the query behind the answer"), el("pre", {}, data.sparql));
      out.append(details);
    }
  });
}
