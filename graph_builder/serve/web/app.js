// The blocgraph page: runs SPARQL against /sparql and questions against /ask.
// No external assets, so the page works without internet access.
"use strict";

const $ = (id) => document.getElementById(id);

function termText(term) {
  if (!term) return "";
  if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
  return term.value;
}

// Only an http(s) IRI becomes a link; any other scheme (javascript:, data:, file:) is text.
function safeHref(iri) {
  return /^https?:\/\/[^\s<>"']+$/i.test(iri) ? iri : null;
}

function cell(tag, text, href) {
  const el = document.createElement(tag);
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    el.appendChild(a);
  } else {
    el.textContent = text;
  }
  return el;
}

function renderResults(data, truncated) {
  const out = $("results");
  out.textContent = "";
  if (typeof data.boolean === "boolean") {
    const p = cell("p", "ASK: " + data.boolean);
    p.id = "boolean-result";
    out.appendChild(p);
    return;
  }
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const info = cell("p", rows.length + " row(s)");
  info.id = "row-count";
  out.appendChild(info);
  if (truncated || data.truncated) {
    out.appendChild(cell("p", "The answer was cut at the server's row limit.")).className = "note";
  }
  const table = document.createElement("table");
  table.id = "results-table";
  const head = document.createElement("tr");
  vars.forEach((v) => head.appendChild(cell("th", v)));
  table.appendChild(head);
  rows.forEach((row) => {
    const tr = document.createElement("tr");
    vars.forEach((v) => {
      const t = row[v];
      tr.appendChild(cell("td", termText(t), t && t.type === "uri" ? safeHref(t.value) : null));
    });
    table.appendChild(tr);
  });
  out.appendChild(table);
}

function showError(where, message) {
  where.textContent = "";
  const p = cell("p", message);
  p.className = "error";
  where.appendChild(p);
}

async function runQuery(event) {
  event.preventDefault();
  $("status").textContent = "running…";
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      body: $("query").value,
    });
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      showError($("results"), response.status + ": " + (await response.text()));
    } else if (type.includes("json")) {
      renderResults(await response.json(), response.headers.get("X-Blocgraph-Truncated") === "true");
    } else {
      const pre = document.createElement("pre");
      pre.id = "graph-result";
      pre.textContent = await response.text();
      $("results").textContent = "";
      $("results").appendChild(pre);
    }
  } catch (err) {
    showError($("results"), "request failed: " + err);
  }
  $("status").textContent = "done in " + Math.round(performance.now() - started) + " ms";
}

function period(a) {
  if (!a.start && !a.end) return "";
  if (a.start === a.end) return " (" + a.start + ")";
  return " (" + (a.start || "?") + " – " + (a.end || "?") + ")";
}

// The `ask --json` answer: a message, then each answer with its period and sources.
function answerText(data) {
  const labels = (data.answers || []).map((a) => a.label + period(a));
  const message = data.message || "";
  return labels.length ? message + " " + labels.join("; ") : message || JSON.stringify(data);
}

function sourcesList(data) {
  const ul = document.createElement("ul");
  (data.answers || []).forEach((a) => {
    (a.sources || []).forEach((s) => {
      ul.appendChild(cell("li", a.label + ": " + s.article + (s.evidence ? " — “" + s.evidence + "”" : "")));
    });
  });
  return ul;
}

async function ask(event) {
  event.preventDefault();
  const out = $("answer");
  out.textContent = "thinking…";
  try {
    const response = await fetch("/ask?q=" + encodeURIComponent($("question").value));
    if (!response.ok) {
      showError(out, response.status + ": " + (await response.text()));
      return;
    }
    const data = await response.json();
    out.textContent = "";
    const p = cell("p", answerText(data));
    p.className = "text";
    p.id = "answer-text";
    out.appendChild(p);
    out.appendChild(sourcesList(data));
    const details = document.createElement("details");
    details.appendChild(cell("summary", "details (JSON)"));
    details.appendChild(cell("pre", JSON.stringify(data, null, 2)));
    out.appendChild(details);
  } catch (err) {
    showError(out, "request failed: " + err);
  }
}

async function loadExamples() {
  const select = $("examples");
  try {
    const response = await fetch("/queries");
    const queries = await response.json();
    queries.forEach((q) => {
      const option = document.createElement("option");
      option.value = q.name;
      option.textContent = q.name + (q.params.length ? " (" + q.params.map((p) => p.name).join(", ") + ")" : "");
      option.dataset.text = q.text;
      option.dataset.description = q.description;
      select.appendChild(option);
    });
  } catch (err) {
    $("example-description").textContent = "could not load the named queries: " + err;
  }
  select.addEventListener("change", () => {
    const option = select.selectedOptions[0];
    if (!option || !option.value) return;
    $("query").value = option.dataset.text;
    $("example-description").textContent = option.dataset.description;
  });
}

$("endpoint").textContent = new URL("/sparql", window.location.href).href;
$("query-form").addEventListener("submit", runQuery);
$("ask-form").addEventListener("submit", ask);
loadExamples();
