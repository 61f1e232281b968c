// The SPARQL editor users know: YASGUI (@zazuko/yasgui) against this server only, with
// the ontology's classes and properties as completions (never fetched from elsewhere),
// the named queries as examples with their parameters as form fields, links to entity
// pages in the results, CSV and JSON downloads.
import Yasgui from "@zazuko/yasgui";
import "@zazuko/yasgui/build/yasgui.min.css";
import { ID, PREFIXES, clear, el, localPath, select, val } from "./common.js";

const BLOC = "https://w3id.org/blocgraph/ontology#";
let terms = null;

async function ontologyTerms() {
  if (!terms) {
    terms = select(`${PREFIXES}
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?t ?kind WHERE {
  GRAPH <https://w3id.org/blocgraph/graph/ontology> {
    { ?t a owl:Class BIND ("class" AS ?kind) } UNION
    { ?t a ?p FILTER (?p IN (owl:ObjectProperty, owl:DatatypeProperty, rdf:Property)) BIND ("property" AS ?kind) }
  }
  FILTER (isIRI(?t))
}`).then((rows) => ({
      classes: rows.filter((r) => val(r, "kind") === "class").map((r) => val(r, "t")),
      properties: rows.filter((r) => val(r, "kind") === "property").map((r) => val(r, "t")),
    })).catch(() => ({ classes: [], properties: [] }));
  }
  return terms;
}

function registerCompleters() {
  const Yasqe = Yasgui.Yasqe;
  // the stock class and property completers ask a web service: ours read the ontology here
  for (const [name, key] of [["class", "classes"], ["property", "properties"]]) {
    if (!Yasqe.Autocompleters[name]) continue;
    Yasqe.registerAutocompleter({
      ...Yasqe.Autocompleters[name],
      name,
      bulk: true,
      persistenceId: null,
      get: () => ontologyTerms().then((t) => t[key]),
    });
  }
  Yasqe.defaults.autocompleters = Yasqe.defaults.autocompleters.filter((n) => Yasqe.Autocompleters[n]);
}

function localiseLinks(root) {
  const fix = () => {
    for (const a of root.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href");
      const path = localPath(href);
      if (path) { a.setAttribute("href", path); a.removeAttribute("target"); }
      else if (!/^(https?:|\/|#)/i.test(href)) a.removeAttribute("href");
    }
  };
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
  fix();
}

/** YASGUI draws some controls with an icon only: give each a name (its title, or what it
 *  does), now and whenever YASGUI redraws. */
const NAMES = [
  [".yasqe_queryButton", "run the query"], [".yasqe_share", "share the query"],
  [".addTab", "new query tab"], [".closeTab", "close this tab"],
  [".tabContextButton", "endpoint and request settings"],
  [".yasr_downloadIcon", "download the results"], [".yasr_external_ref_btn", "help on the results"],
  ["input.endpoint, .autocomplete", "SPARQL endpoint"], [".tableFilter", "filter the results"],
  [".pageSizeWrapper select", "results per page"],
];

function nameControls(root) {
  const name = () => {
    for (const [css, label] of NAMES) {
      for (const node of root.querySelectorAll(css)) if (!node.getAttribute("aria-label")) node.setAttribute("aria-label", node.getAttribute("title") || label);
    }
    for (const node of root.querySelectorAll("button, input, select, textarea, [tabindex]")) {
      if (node.getAttribute("aria-label") || node.labels?.length || node.textContent.trim()) continue;
      const label = node.getAttribute("title") || node.getAttribute("placeholder") || (node.closest(".CodeMirror") ? "SPARQL query editor" : "");
      if (label) node.setAttribute("aria-label", label);
    }
  };
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
  name();
}

export async function initSparql() {
  registerCompleters();
  const endpoint = `${location.origin}/sparql`;
  const holder = document.getElementById("sq-yasgui");
  const yasgui = new Yasgui(holder, {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    persistenceId: null,
    populateFromUrl: false,
    autofocus: false,
    yasqe: { createShortLink: undefined, persistenceId: null },
    yasr: { prefixes: { bloc: BLOC, id: ID } },
  });
  const tab = () => yasgui.getTab();
  const yasqe = () => tab().getYasqe();
  tab().setEndpoint(endpoint);
  yasqe().setValue(`${PREFIXES}
SELECT ?chair ?chairLabel ?org ?start ?end WHERE {
  ?c a bloc:Chairmanship ; bloc:chair ?chair ; bloc:organization ?org ; bloc:startDate ?start .
  OPTIONAL { ?c bloc:endDate ?end }
  OPTIONAL { ?chair rdfs:label ?chairLabel FILTER (LANG(?chairLabel) = "en") }
} ORDER BY ?start LIMIT 100`);
  localiseLinks(holder);
  // Tab leaves the editor (CodeMirror would indent: a keyboard trap); Enter still indents
  yasqe().addKeyMap({ Tab: false, "Shift-Tab": false });
  nameControls(holder);
  window.blocgraphYasgui = yasgui;

  const update = () => {
    const q = encodeURIComponent(yasqe().getValue());
    document.getElementById("sq-csv").href = `/sparql?query=${q}&format=csv`;
    document.getElementById("sq-json").href = `/sparql?query=${q}&format=json`;
  };
  yasgui.on("query", update);
  yasqe().on("change", update);
  update();

  const select_ = document.getElementById("sq-examples");
  const params = document.getElementById("sq-params");
  const description = document.getElementById("sq-description");
  const queries = await (await fetch("/queries")).json();
  for (const q of queries) select_.append(el("option", { value: q.name }, q.name));
  const chosen = () => queries.find((q) => q.name === select_.value);
  select_.addEventListener("change", () => {
    const q = chosen();
    clear(params);
    description.textContent = q ? q.description : "";
    for (const p of (q && q.params) || []) {
      const id = `sq-param-${p.name}`;
      params.append(el("label", { for: id }, ` ${p.name}${p.optional ? "" : " *"} `),
        el("input", { id, name: p.name, type: p.type === "date" ? "date" : "text", title: p.description || p.type,
                      placeholder: p.type, "aria-describedby": "sq-description" }));
    }
  });
  document.getElementById("sq-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = chosen();
    if (!q) return;
    const given = new URLSearchParams();
    for (const input of params.querySelectorAll("input")) if (input.value.trim()) given.set(input.name, input.value.trim());
    const response = await fetch(`/queries/${encodeURIComponent(q.name)}.rq?${given}`);
    const text = await response.text();
    if (!response.ok) { description.textContent = text.trim(); return; }
    yasqe().setValue(text);
    update();
    yasqe().query().catch(() => {});
  });
}
