// The analyst's workbench at /: Ask, Timeline, Network and SPARQL views, one at a time
// (the URL's #fragment says which), each set up the first time it is shown.
import "./workbench.css";
import { initAsk } from "./ask.js";
import { initNetwork } from "./network.js";
import { initSparql } from "./sparql.js";
import { initTimeline } from "./timeline.js";

const VIEWS = { ask: initAsk, timeline: initTimeline, network: initNetwork, sparql: initSparql };
const started = new Map();

function show() {
  const name = (location.hash.slice(1).split("?")[0] || "ask");
  const view = VIEWS[name] ? name : "ask";
  for (const key of Object.keys(VIEWS)) {
    document.getElementById(`view-${key}`).hidden = key !== view;
    const tab = document.getElementById(`tab-${key}`);
    tab.setAttribute("aria-selected", String(key === view));
  }
  if (!started.has(view)) {
    started.set(view, Promise.resolve(VIEWS[view]()).catch((error) => {
      const box = document.getElementById(`view-${view}`);
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = `this view could not start: ${error.message || error}`;
      box.append(p);
    }).then(() => { document.body.dataset[`${view}Ready`] = "true"; }));
  }
}

window.addEventListener("hashchange", show);
document.addEventListener("DOMContentLoaded", show);
