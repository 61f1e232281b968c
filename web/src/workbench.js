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
    tab.tabIndex = key === view ? 0 : -1;  // one tab stop for the tab list (arrows move on)
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

/** The tab list's keys (WAI-ARIA tabs pattern): arrows, Home and End choose a view. */
function tabKeys(event) {
  const tabs = [...document.querySelectorAll('.wb-tabs [role="tab"]')];
  const at = tabs.indexOf(event.target);
  if (at < 0) return;
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const next = tabs[(to + tabs.length) % tabs.length];
  location.hash = next.getAttribute("href");
  next.focus();
}

window.addEventListener("hashchange", show);
document.addEventListener("keydown", tabKeys);
document.addEventListener("DOMContentLoaded", show);
