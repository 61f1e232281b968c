// What the views share: SPARQL over fetch, our IRIs as local pages, safe DOM building.
export const ID = "https://w3id.org/blocgraph/id/";
export const PREFIXES = `PREFIX bloc: <https://w3id.org/blocgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
`;

export async function select(query) {
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).trim()}`);
  return (await response.json()).results.bindings;
}

export const val = (row, key) => (row[key] ? row[key].value : null);

/** The server path of one of our IRIs, else null (never a javascript: or other scheme). */
export function localPath(iri) {
  return typeof iri === "string" && iri.startsWith(ID) && iri.length > ID.length
    ? "/id/" + iri.slice(ID.length) : null;
}

export function articlePath(file) {
  return "/articles/" + String(file).replace(/\.[A-Za-z]+$/, "");
}

/** An element with text content only (no HTML parsing of data, ever). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function entityLink(iri, label) {
  const path = localPath(iri);
  return path ? el("a", { href: path }, label || iri) : el("span", {}, label || iri);
}

/** TEXT as nodes with each of NAMES (case-insensitive, whole words) in a <mark>. */
export function highlight(text, names) {
  const wanted = [...new Set(names.filter((n) => n && n.length > 1))].sort((a, b) => b.length - a.length);
  const frag = document.createDocumentFragment();
  if (!wanted.length) { frag.append(text); return frag; }
  const escaped = wanted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  let last = 0;
  for (const m of text.matchAll(re)) {
    frag.append(text.slice(last, m.index), el("mark", { class: "name" }, m[0]));
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
