// The `states` view of the GEXF export drawn with sigma.js and graphology: coloured by
// bloc, edge kinds toggled, a year slider keeping what was valid that year.
import Graph from "graphology";
import circular from "graphology-layout/circular";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { clear, el, localPath } from "./common.js";

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
                 "#e377c2", "#bcbd22", "#7f7f7f", "#393b79", "#637939"];
const NO_BLOC = "#b0b0b0";

/** Each edge's and node's spells as [start, end] in ms (open ends infinite), from the
 *  [start, end] date strings the server read out of the GEXF. */
function spellsOf(graph) {
  const out = { edges: new Map(), nodes: new Map() };
  const read = (list) => list.map(([s, e]) => [s ? Date.parse(s) : -Infinity, e ? Date.parse(e) + 86399999 : Infinity]);
  graph.forEachNode((n, a) => { if (a.spells) out.nodes.set(n, read(a.spells)); });
  graph.forEachEdge((e, a) => { if (a.spells) out.edges.set(e, read(a.spells)); });
  return out;
}

const validIn = (spells, y) => !spells || spells.some(([s, e]) => s <= Date.UTC(y + 1, 0, 1) - 1 && e >= Date.UTC(y, 0, 1));
const kindsOf = (attrs) => String(attrs.relations || attrs.label || "related").split(/[\s,;|]+/).filter(Boolean);

export async function initNetwork() {
  const status = document.getElementById("nw-status");
  const canvas = document.getElementById("nw-canvas");
  const started = performance.now();
  status.textContent = "loading…";
  let data;
  try {
    // /export.gexf?view=states&dynamic=1 as graphology's JSON, kept by the server until the
    // graph changes (the same graph as the GEXF download; XML took seconds to parse here)
    const response = await fetch("/workbench/states.json");
    if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).trim()}`);
    data = await response.json();
  } catch (error) { status.textContent = String(error.message || error); return; }
  const stages = { fetch: performance.now() - started };
  let mark = performance.now();
  const stage = (name) => { const now = performance.now(); stages[name] = now - mark; mark = now; };
  const graph = new Graph(data.options);
  graph.import(data);
  stage("parse");
  const spells = spellsOf(graph);
  stage("spells");
  const blocs = new Map();
  graph.forEachNode((node, attrs) => {
    const first = String(attrs.memberships || "").split(/[,;|]/).map((s) => s.trim()).filter(Boolean).sort()[0];
    if (first && !blocs.has(first)) blocs.set(first, PALETTE[blocs.size % PALETTE.length]);
    graph.mergeNodeAttributes(node, { color: first ? blocs.get(first) : NO_BLOC, bloc: first || "",
                                      kind: attrs.type, type: "circle",
                                      size: 5 + 2 * Math.sqrt(+attrs.chairmanships || 0) });
  });
  const kinds = new Set();
  graph.forEachEdge((edge, attrs) => {
    for (const k of kindsOf(attrs)) kinds.add(k);
    const conflict = kindsOf(attrs).some((k) => k.includes("conflict"));
    graph.mergeEdgeAttributes(edge, { color: conflict ? "#d62728" : "#9aa5b1", size: conflict ? 2 : 1,
                                      kinds: kindsOf(attrs), type: "line" });
  });
  stage("style");
  circular.assign(graph);
  if (graph.order > 1) forceAtlas2.assign(graph, { iterations: graph.order > 500 ? 60 : 150, settings: forceAtlas2.inferSettings(graph) });
  stage("layout");
  // the legend and the edge-kind toggles
  const legend = document.getElementById("nw-legend");
  clear(legend);
  for (const [bloc, color] of blocs) {
    const swatch = el("span", { class: "lg" }); swatch.style.background = color;
    legend.append(swatch, ` ${bloc} `);
  }
  const kindBox = document.getElementById("nw-kinds");
  clear(kindBox);
  const enabled = new Set(kinds);
  [...kinds].sort().forEach((k, i) => {
    const input = el("input", { type: "checkbox", id: `nw-kind-${i}`, value: k, checked: "checked" });
    input.addEventListener("change", () => { if (input.checked) enabled.add(k); else enabled.delete(k); refresh(); });
    kindBox.append(el("label", { for: `nw-kind-${i}`, class: "nw-kind" }, input, ` ${k.replace(/_/g, " ")}`));
  });
  const slider = document.getElementById("nw-year"), shown = document.getElementById("nw-year-shown");
  const allYears = document.getElementById("nw-all-years");
  const years = [];
  for (const list of [...spells.edges.values(), ...spells.nodes.values()]) {
    for (const [s, e] of list) for (const t of [s, e]) if (Number.isFinite(t)) years.push(new Date(t).getUTCFullYear());
  }
  if (years.length) { slider.min = Math.min(...years) - 1; slider.max = Math.max(...years) + 1; }
  slider.value = slider.max;
  let year = null, hiddenNodes = new Set(), focused = null, near = new Set();
  const renderer = new Sigma(graph, canvas, {
    renderEdgeLabels: false, labelRenderedSizeThreshold: 0, defaultEdgeType: "line",
    nodeReducer: (node, data) => {
      if (hiddenNodes.has(node)) return { ...data, hidden: true };
      if (focused === null) return data;
      if (node === focused) return { ...data, highlighted: true, zIndex: 2 };
      return near.has(node) ? data : { ...data, color: "#dde2e8", label: "" };
    },
    edgeReducer: (edge, data) => {
      const visible = data.kinds.some((k) => enabled.has(k)) && (year === null || validIn(spells.edges.get(edge), year));
      if (!visible) return { ...data, hidden: true };
      if (focused !== null && !graph.hasExtremity(edge, focused)) return { ...data, color: "#eef1f4" };
      return data;
    },
  });
  function refresh() {
    year = allYears.checked ? null : +slider.value;
    shown.textContent = year === null ? "all years" : String(year);
    hiddenNodes = new Set();
    graph.forEachNode((node, attrs) => {
      if (year !== null && !validIn(spells.nodes.get(node), year)) { hiddenNodes.add(node); return; }
      const edgeShown = graph.edges(node).some((e) => {
        const a = graph.getEdgeAttributes(e);
        return a.kinds.some((k) => enabled.has(k)) && (year === null || validIn(spells.edges.get(e), year));
      });
      if (!edgeShown && !(year !== null && attrs.bloc)) hiddenNodes.add(node);
    });
    renderer.refresh();
    slider.setAttribute("aria-valuetext", year === null ? `all years (slider at ${slider.value})` : String(year));
    const visible = graph.order - hiddenNodes.size;
    canvas.dataset.visibleNodes = String(visible);
    canvas.dataset.visibleLabels = graph.filterNodes((n) => !hiddenNodes.has(n)).map((n) => graph.getNodeAttribute(n, "label")).sort().join("|");
    status.textContent = `${visible} of ${graph.order} states shown`;
  }
  const moved = () => { allYears.checked = false; refresh(); if (focused) focusOn(focused); };
  slider.addEventListener("input", moved);
  slider.addEventListener("change", moved);  // keys may give only this one
  allYears.addEventListener("change", () => { refresh(); if (focused) focusOn(focused); });
  const info = document.getElementById("nw-info");
  renderer.on("clickNode", ({ node }) => { const path = localPath(node); if (path) location.assign(path); });
  const describeNode = (node) => {
    const a = graph.getNodeAttributes(node);
    clear(info);
    const path = localPath(node);
    info.append(path ? el("a", { href: path, id: "nw-info-link" }, a.label || node) : a.label || node,
                ` · blocs: ${a.memberships || "none"} · chaired: ${a.chaired || "never"}`,
                node === focused ? ` · linked to ${near.size - 1} state(s) shown` : "");
  };
  renderer.on("enterNode", ({ node }) => describeNode(node));
  // the keyboard's way to a node: choose it here; its links stay drawn, the rest fade
  const focusBox = document.getElementById("nw-focus");
  graph.nodes().map((n) => [graph.getNodeAttribute(n, "label") || n, n])
    .sort((a, b) => a[0].localeCompare(b[0]))
    .forEach(([label, n]) => focusBox.append(el("option", { value: n }, label)));
  const focusOn = (node) => {
    focused = node && graph.hasNode(node) ? node : null;
    near = new Set(focused ? [focused, ...graph.neighbors(focused).filter((m) => !hiddenNodes.has(m))] : []);
    renderer.refresh();
    canvas.dataset.focused = focused ? graph.getNodeAttribute(focused, "label") || focused : "";
    if (focused) {
      describeNode(focused);
      const at = renderer.getNodeDisplayData(focused);
      if (at) renderer.getCamera().animate({ x: at.x, y: at.y }, { duration: 300 });
    } else {
      clear(info);
    }
  };
  focusBox.addEventListener("change", () => focusOn(focusBox.value));
  refresh();
  stage("render");
  for (const [name, ms] of Object.entries(stages)) canvas.dataset[`${name}Ms`] = ms.toFixed(1);
  canvas.dataset.edges = String(graph.size);
  canvas.dataset.drawMs = (performance.now() - started).toFixed(1);
  window.blocgraphNetwork = { graph, renderer, refresh };
}
