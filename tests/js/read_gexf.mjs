// Reads one GEXF file with graphology-gexf (the parser of Gephi Lite) and prints what it saw
// as JSON, so the Python tests can check that a browser tool reads the export cleanly.
// Usage: node read_gexf.mjs FILE.gexf
import {readFileSync} from 'node:fs';
import Graph from 'graphology';
import gexf from 'graphology-gexf';

const path = process.argv[2];
if (!path) {
  console.error('usage: node read_gexf.mjs FILE.gexf');
  process.exit(2);
}

const graph = gexf.parse(Graph, readFileSync(path, 'utf-8'));

const names = (lists) => [...new Set(lists.flat())].sort();
const nodeData = {};
graph.forEachNode((key, attrs) => {
  nodeData[key] = attrs;
});
const edgeData = [];
graph.forEachEdge((key, attrs, source, target) => {
  edgeData.push({key, source, target, attributes: attrs});
});

console.log(
  JSON.stringify({
    type: graph.type,
    multi: graph.multi,
    nodes: graph.order,
    edges: graph.size,
    nodeAttributes: names(graph.mapNodes((_, attrs) => Object.keys(attrs))),
    edgeAttributes: names(graph.mapEdges((_, attrs) => Object.keys(attrs))),
    graphAttributes: graph.getAttributes(),
    nodeData,
    edgeData,
  }),
);
