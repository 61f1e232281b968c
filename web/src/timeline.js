// One lane per state and organisation: membership spans, chair terms on top, summits and
// clashes as marks; plain SVG. Hover or focus shows dates and sources, a click opens the
// entity's page; a year range zooms; several organisations stack for comparison.
import { PREFIXES, articlePath, clear, el, localPath, select, val } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const LANE = 22, LABEL = 170, HEAD = 26, AXIS = 24;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  return node;
}

const year = (d) => (d ? parseInt(String(d).slice(0, 4), 10) : null);
function toTime(d, endOfPeriod) {
  if (!d) return null;
  const s = String(d);
  if (/^\d{4}$/.test(s)) return Date.UTC(+s + (endOfPeriod ? 1 : 0), 0, 1);
  if (/^\d{4}-\d{2}$/.test(s)) return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - (endOfPeriod ? 0 : 1), 1);
  const t = Date.parse(s.slice(0, 10));
  return Number.isNaN(t) ? null : t + (endOfPeriod ? 86400000 : 0);
}

export async function loadOrganisations() {
  const rows = await select(`${PREFIXES}
SELECT ?org ?label (COUNT(?f) AS ?n) WHERE {
  { ?f a bloc:Chairmanship } UNION { ?f a bloc:Membership }
  ?f bloc:organization ?org .
  OPTIONAL { ?org rdfs:label ?label FILTER (LANG(?label) = "en") }
} GROUP BY ?org ?label ORDER BY DESC(?n) ?label`);
  return rows.map((r) => ({ iri: val(r, "org"), label: val(r, "label") || val(r, "org").split("/").pop(), n: +val(r, "n") }));
}

// A triple may stand in many article graphs (every synthetic article restates who the
// members are), and the default graph is their union: joining several patterns multiplies
// the copies (6,561 rows for one membership at 100k triples). So the facts come first, each
// once, then their dates, labels and sources one pattern at a time for a VALUES list.
const CHUNK = 300;

async function perChunk(iris, query) {
  const rows = [];
  const list = [...new Set(iris.filter(Boolean))];
  for (let i = 0; i < list.length; i += CHUNK) {
    rows.push(...await select(query(list.slice(i, i + CHUNK).map((x) => `<${x}>`).join(" "))));
  }
  return rows;
}

export async function loadOrganisation(org) {
  const o = `<${org}>`;
  const rows = await select(`${PREFIXES}
SELECT DISTINCT ?kind ?f ?state WHERE {
  { ?f a bloc:Chairmanship ; bloc:organization ${o} ; bloc:chair ?state . BIND ("chair" AS ?kind) }
  UNION { ?f a bloc:Membership ; bloc:organization ${o} ; bloc:member ?state . BIND ("member" AS ?kind) }
  UNION { ?f a bloc:Summit ; bloc:organization ${o} . BIND ("summit" AS ?kind) OPTIONAL { ?f bloc:host ?state } }
  UNION { ?f a bloc:Meeting ; bloc:organization ${o} . BIND ("meeting" AS ?kind) OPTIONAL { ?f bloc:host ?state } }
  UNION { ?f a bloc:ArmedClash ; bloc:participant ?state . BIND ("clash" AS ?kind)
          FILTER EXISTS { ?m bloc:member ?state ; bloc:organization ${o} } }
}`);
  const iris = rows.map((r) => val(r, "f"));
  const [attrs, labels, evidence] = await Promise.all([
    perChunk(iris, (v) => `${PREFIXES}SELECT DISTINCT ?f ?p ?o WHERE { VALUES ?f { ${v} } ?f ?p ?o
  FILTER (?p IN (bloc:startDate, bloc:endDate, bloc:date, bloc:status)) }`),
    perChunk(rows.map((r) => val(r, "state")), (v) => `${PREFIXES}SELECT DISTINCT ?s ?l WHERE {
  VALUES ?s { ${v} } ?s rdfs:label ?l FILTER (LANG(?l) = "en") }`),
    perChunk(iris, (v) => `${PREFIXES}SELECT DISTINCT ?f ?text ?file WHERE { VALUES ?f { ${v} }
  ?f bloc:evidence ?ev . ?ev bloc:text ?text OPTIONAL { ?ev bloc:article ?a . ?a bloc:fileName ?file } }`),
  ]);
  const about = new Map();
  for (const r of attrs) {
    const f = val(r, "f"), p = val(r, "p").split("#").pop();
    if (!about.has(f)) about.set(f, {});
    const a = about.get(f);
    const o = val(r, "o");  // of several: the earliest start, the latest end
    if (!(p in a) || (p === "endDate" ? o > a[p] : o < a[p])) a[p] = o;
  }
  const label = new Map(labels.map((r) => [val(r, "s"), val(r, "l")]));
  const sources = new Map();
  for (const r of evidence) {
    const f = val(r, "f"), text = val(r, "text");
    if (!sources.has(f)) sources.set(f, []);
    const list = sources.get(f);
    if (!list.some((s) => s.text === text)) list.push({ text, file: val(r, "file") });
  }
  const facts = new Map();
  for (const r of rows) {
    const iri = val(r, "f"), state = val(r, "state"), a = about.get(iri) || {};
    const key = iri + " " + (state || "");
    if (facts.has(key)) continue;
    facts.set(key, { iri, kind: val(r, "kind"), state, stateLabel: label.get(state) || null,
                     start: a.startDate || null, end: a.endDate || null, date: a.date || null,
                     status: a.status || null, sources: sources.get(iri) || [] });
  }
  return [...facts.values()];
}

function describe(f) {
  const what = { chair: "chair term", member: f.status ? `membership (${f.status})` : "membership",
                 summit: "summit", meeting: "meeting", clash: "armed clash" }[f.kind] || f.kind;
  const when = f.start || f.end ? `${f.start || "?"} – ${f.end || "…"}` : f.date || "dates unknown";
  return `${f.stateLabel || ""} ${what}: ${when}`.trim();
}

export function drawTimeline(container, tip, groups, from, to) {
  const started = performance.now();
  clear(container);
  const width = Math.max(640, container.clientWidth || 1000);
  const t0 = Date.UTC(from, 0, 1), t1 = Date.UTC(to + 1, 0, 1);
  const x = (t) => LABEL + ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * (width - LABEL - 10);
  let lanes = 0;
  const laid = groups.map((g) => {
    const states = new Map();
    const events = [];
    for (const f of g.facts) {
      if (f.kind === "summit" || f.kind === "meeting") events.push(f);
      if (!f.state) continue;
      if (!states.has(f.state)) states.set(f.state, { iri: f.state, label: f.stateLabel || f.state.split("/").pop(), facts: [] });
      states.get(f.state).facts.push(f);
    }
    const rows = [...states.values()].sort((a, b) => a.label.localeCompare(b.label));
    const eventsLane = events.some((e) => !e.state);
    lanes += rows.length + (eventsLane ? 1 : 0);
    return { ...g, rows, events, eventsLane };
  });
  const height = AXIS + laid.length * HEAD + lanes * LANE + 10;
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
                            "aria-label": `timeline ${from}–${to}`, class: "tl-svg" });
  const span = to - from + 1;
  const every = span > 60 ? 10 : span > 25 ? 5 : span > 10 ? 2 : 1;
  for (let y = from; y <= to + 1; y++) {
    if ((y - from) % every) continue;
    const px = x(Date.UTC(y, 0, 1));
    root.append(svg("line", { x1: px, x2: px, y1: AXIS - 4, y2: height, class: "tl-grid" }));
    if (y <= to) { const t = svg("text", { x: px + 3, y: AXIS - 8, class: "tl-year" }); t.textContent = y; root.append(t); }
  }
  let top = AXIS;
  const showTip = (event, f) => {
    clear(tip);
    tip.append(el("strong", {}, describe(f)));
    for (const s of f.sources.slice(0, 3)) tip.append(el("div", { class: "tl-src" }, `“${s.text}” (${s.file || "?"})`));
    if (!f.sources.length) tip.append(el("div", { class: "tl-src" }, "(no source sentence)"));
    tip.hidden = false;
    const box = container.getBoundingClientRect();
    const r = event.target.getBoundingClientRect ? event.target.getBoundingClientRect() : box;
    tip.style.left = `${Math.min(r.left - box.left, box.width - 300)}px`;
    tip.style.top = `${r.bottom - box.top + container.offsetTop + 4}px`;
  };
  const hideTip = () => { tip.hidden = true; };
  const mark = (f, shape) => {
    const href = localPath(f.iri);
    const a = svg("a", { href: href || null, class: `tl-mark tl-${f.kind}${f.status ? " tl-" + String(f.status).toLowerCase() : ""}`,
                         "aria-label": describe(f), tabindex: "0" });
    const title = svg("title"); title.textContent = describe(f) + (f.sources[0] ? `\n“${f.sources[0].text}”` : "");
    a.append(title, shape);
    a.addEventListener("mouseenter", (e) => showTip(e, f));
    a.addEventListener("focus", (e) => showTip(e, f));
    a.addEventListener("mouseleave", hideTip);
    a.addEventListener("blur", hideTip);
    return a;
  };
  for (const g of laid) {
    const head = svg("text", { x: 4, y: top + 18, class: "tl-org" });
    head.textContent = g.label;
    const headLink = svg("a", { href: localPath(g.iri) || null }); headLink.append(head);
    root.append(headLink);
    root.append(svg("line", { x1: 0, x2: width, y1: top + HEAD - 2, y2: top + HEAD - 2, class: "tl-sep" }));
    top += HEAD;
    const laneOf = new Map();
    if (g.eventsLane) {
      const t = svg("text", { x: 12, y: top + 15, class: "tl-lane" }); t.textContent = "(events)"; root.append(t);
      laneOf.set(null, top); top += LANE;
    }
    for (const row of g.rows) {
      const label = svg("text", { x: 12, y: top + 15, class: "tl-lane" });
      label.textContent = row.label;
      const link = svg("a", { href: localPath(row.iri) || null }); link.append(label);
      root.append(link);
      laneOf.set(row.iri, top);
      const order = { member: 0, chair: 1, summit: 2, meeting: 2, clash: 3 };
      for (const f of row.facts.slice().sort((a, b) => order[a.kind] - order[b.kind])) {
        if (f.kind === "member") {
          const s = toTime(f.start), e = toTime(f.end, true);
          const known = s !== null;
          const sx = known ? x(s) : LABEL, ex = e !== null ? x(e) : x(t1);
          if ((s !== null && s > t1) || (e !== null && e < t0)) continue;
          root.append(mark(f, svg("rect", { x: sx, y: top + 6, width: Math.max(2, ex - sx), height: LANE - 12,
                                            class: known ? "tl-bar" : "tl-bar tl-unknown-start" })));
        } else if (f.kind === "chair") {
          const s = toTime(f.start || f.date), e = toTime(f.end || f.start || f.date, true);
          if (s === null || s > t1 || (e !== null && e < t0)) continue;
          const sx = x(s), ex = e !== null ? x(e) : sx + 4;
          root.append(mark(f, svg("rect", { x: sx, y: top + 3, width: Math.max(3, ex - sx), height: LANE - 6, rx: 2, class: "tl-bar" })));
        } else if (f.kind === "clash") {
          const s = toTime(f.start || f.date);
          if (s === null || s < t0 || s > t1) continue;
          const cx = x(s), cy = top + LANE / 2;
          root.append(mark(f, svg("path", { d: `M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}`, class: "tl-x" })));
        }
      }
      top += LANE;
    }
    for (const f of g.events) {
      const s = toTime(f.start || f.date);
      if (s === null || s < t0 || s > t1) continue;
      const lane = laneOf.get(f.state || null) ?? laneOf.get(null);
      if (lane === undefined) continue;
      const cx = x(s), cy = lane + LANE / 2;
      root.append(mark(f, svg("path", { d: `M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z`, class: "tl-diamond" })));
    }
  }
  container.append(root);
  return performance.now() - started;
}

export async function initTimeline() {
  const box = document.getElementById("tl-orgs");
  const status = document.getElementById("tl-status");
  const chart = document.getElementById("tl-chart");
  const tip = document.getElementById("tl-tip");
  const fromInput = document.getElementById("tl-from"), toInput = document.getElementById("tl-to");
  const cache = new Map();
  let orgs;
  try { orgs = await loadOrganisations(); } catch (error) { box.textContent = String(error.message || error); return; }
  clear(box);
  const wanted = new URLSearchParams(location.hash.split("?")[1] || "").getAll("org");
  orgs.forEach((o, i) => {
    const id = `tl-org-${i}`;
    const checked = wanted.length ? wanted.some((w) => o.iri.endsWith("/" + w) || o.label === w) : i === 0 || o.label === "CSTO";
    box.append(el("label", { for: id, class: "tl-org-choice" },
      el("input", { type: "checkbox", id, value: o.iri, "data-label": o.label, checked: checked ? "checked" : null }), ` ${o.label}`));
  });
  if (!orgs.length) box.textContent = "(no organisation with chair terms or memberships in the graph)";
  const draw = async () => {
    const chosen = [...box.querySelectorAll("input:checked")].map((i) => ({ iri: i.value, label: i.dataset.label }));
    status.textContent = "loading…";
    const fetchStart = performance.now();
    try {
      for (const g of chosen) {
        if (!cache.has(g.iri)) cache.set(g.iri, await loadOrganisation(g.iri));
        g.facts = cache.get(g.iri);
      }
    } catch (error) { status.textContent = String(error.message || error); return; }
    const loaded = performance.now() - fetchStart;
    const years = chosen.flatMap((g) => g.facts.flatMap((f) => [year(f.start), year(f.end), year(f.date)])).filter((y) => y && y > 1800 && y < 2200);
    if (!fromInput.value && years.length) fromInput.value = Math.min(...years) - 1;
    if (!toInput.value && years.length) toInput.value = Math.max(...years) + 1;
    const from = +fromInput.value || 2000, to = Math.max(+toInput.value || 2030, from);
    const ms = drawTimeline(chart, tip, chosen, from, to);
    chart.dataset.drawMs = ms.toFixed(1);
    chart.dataset.loadMs = loaded.toFixed(1);
    status.textContent = `${chosen.length} organisation(s), ${chosen.reduce((n, g) => n + g.facts.length, 0)} facts`;
  };
  document.getElementById("tl-form").addEventListener("submit", (e) => { e.preventDefault(); draw(); });
  box.addEventListener("change", draw);
  await draw();
}
