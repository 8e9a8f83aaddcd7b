#!/usr/bin/env node
// Lays out the semantic BPMN sources processes/src/*.bpmn into processes/*.bpmn (adds the
// diagram) and verifies the result. Usage: node scripts/layout-processes.cjs [--check]
//   --check  write nothing; fail if a processes/*.bpmn differs from what the sources give.
// bpmn-auto-layout places the shapes; this script then moves a few shapes by whole grid cells
// (NUDGES, where a branch reads better above the main path), puts boundary events on their
// host's border, routes every flow orthogonally (loop-backs as lanes below the diagram) and
// places the labels. Any problem exits non-zero with the file and element id.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { layoutProcess } = require('bpmn-auto-layout');
const BpmnModdle = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const geo = require('./lib/bpmn-geometry.cjs');
const checks = require('./lib/bpmn-checks.cjs');

const ROOT = path.resolve(__dirname, '..');
const SRC_DIR = path.join(ROOT, 'processes', 'src');
const OUT_DIR = path.join(ROOT, 'processes');
const ORIGIN = { x: 100, y: 60 }; // top-left corner of the drawing, labels included

// file -> { elementId: [ columns, rows ] } applied after bpmn-auto-layout
const NUDGES = {
  'service-request.bpmn': {
    // remote guidance runs above the main path: it rejoins far to the right (Resolved)
    Task_RemoteGuidance: [ 1, -2 ],
    Gateway_FixedRemotely: [ 1, -2 ],
    Task_ConfirmRemoteFix: [ 1, -2 ],
    // below "Quote accepted?", so that "Accepted" can run straight to "Repair approved"
    EndEvent_QuoteDeclined: [ -1, 1 ]
  },
  'satisfaction-survey.bpmn': {
    // a good score ends above the recovery branch, so that "No" (call-back) runs straight on
    EndEvent_Answered: [ 0, -2 ]
  }
};

const newModdle = () => new BpmnModdle({ camunda });
const { is } = geo;

async function main() {
  const checkOnly = process.argv.includes('--check');
  const feel = await import('feelin'); // ESM-only package
  const files = fs.readdirSync(SRC_DIR).filter(f => f.endsWith('.bpmn')).sort();
  if (!files.length) throw new Error(`no *.bpmn in ${SRC_DIR}`);
  let failed = 0;

  for (const file of files) {
    try {
      const source = fs.readFileSync(path.join(SRC_DIR, file), 'utf8');
      const xml = await layoutFile(file, source);
      await verify(source, xml, feel);
      const target = path.join(OUT_DIR, file);
      if (checkOnly) {
        if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== xml) throw new Error('out of date: run npm run layout:processes');
      } else {
        fs.writeFileSync(target, xml);
      }
      console.log(`ok    processes/${file}`);
    } catch (err) {
      failed++;
      console.error(`FAIL  processes/${file}: ${err.message}`);
    }
  }
  if (failed) process.exitCode = 1;
}

async function layoutFile(file, source) {
  const moddle = newModdle();
  const { rootElement: defs, warnings } = await moddle.fromXML(source);
  if (warnings.length) throw new Error('source: ' + warnings.map(w => w.message).join('; '));
  if ((defs.diagrams || []).length) throw new Error('the source must be semantic only (no bpmndi)');
  const proc = singleProcess(defs);
  checkIncomingOutgoing(proc);

  // bpmn-auto-layout misplaces loop targets, so it only sees the acyclic part of the graph
  const backFlows = findBackFlows(proc);
  const dag = await moddle.fromXML(source);
  for (const flow of backFlows) removeFlow(dag.elementsById[flow.id]);
  const laid = await moddle.fromXML(await layoutProcess((await moddle.toXML(dag.rootElement)).xml));

  const boxes = new Map();
  for (const di of laid.rootElement.diagrams[0].plane.planeElement) {
    if (di.bounds) boxes.set(di.bpmnElement.id, pick(di.bounds));
  }
  geo.nudge(boxes, NUDGES[file]);
  geo.placeBoundaryEvents(proc, boxes);

  const flows = proc.flowElements.filter(el => is(el, 'bpmn:SequenceFlow'));
  const routes = new Map();
  for (const flow of flows.filter(f => !backFlows.includes(f))) routes.set(flow.id, geo.routeForward(flow, boxes));
  const span = f => Math.abs(boxes.get(f.sourceRef.id).x - boxes.get(f.targetRef.id).x);
  for (const flow of [ ...backFlows ].sort((a, b) => span(a) - span(b))) {
    routes.set(flow.id, geo.routeBack(flow, boxes, routes, placeLabels(proc, boxes, routes)));
  }
  const labels = placeLabels(proc, boxes, routes);
  moveToOrigin(boxes, routes, labels);

  defs.diagrams = [ buildDiagram(moddle, proc, boxes, routes, labels) ];
  return (await moddle.toXML(defs, { format: true })).xml;
}

function singleProcess(defs) {
  const processes = defs.rootElements.filter(el => is(el, 'bpmn:Process'));
  if (processes.length !== 1) throw new Error('expected exactly one bpmn:Process');
  return processes[0];
}

// bpmn-auto-layout walks <bpmn:incoming>/<bpmn:outgoing>, so they must match the flows.
function checkIncomingOutgoing(proc) {
  const flows = proc.flowElements.filter(el => is(el, 'bpmn:SequenceFlow'));
  for (const flow of flows) {
    if (!(flow.sourceRef.outgoing || []).includes(flow)) throw new Error(`${flow.sourceRef.id} lacks <outgoing>${flow.id}`);
    if (!(flow.targetRef.incoming || []).includes(flow)) throw new Error(`${flow.targetRef.id} lacks <incoming>${flow.id}`);
  }
  for (const node of proc.flowElements.filter(el => is(el, 'bpmn:FlowNode'))) {
    for (const f of [ ...(node.incoming || []), ...(node.outgoing || []) ]) {
      if (!flows.includes(f)) throw new Error(`${node.id} lists an unknown flow`);
    }
  }
}

// Flows that close a cycle in a depth-first walk from the start events; boundary-event flows
// are walked before the host's own outgoing flows, so escalation paths count as forward.
function findBackFlows(proc) {
  const state = new Map(); // node -> 'active' | 'done'
  const back = [];
  const attached = host => proc.flowElements.filter(el => el.attachedToRef === host).flatMap(el => el.outgoing || []);
  const visit = node => {
    state.set(node, 'active');
    for (const flow of [ ...attached(node), ...(node.outgoing || []) ]) {
      const s = state.get(flow.targetRef);
      if (s === 'active') back.push(flow);
      else if (!s) visit(flow.targetRef);
    }
    state.set(node, 'done');
  };
  proc.flowElements.filter(el => is(el, 'bpmn:StartEvent')).forEach(visit);
  return back;
}

function removeFlow(flow) {
  const without = (list, item) => list.splice(list.indexOf(item), 1);
  without(flow.sourceRef.outgoing, flow);
  without(flow.targetRef.incoming, flow);
  without(flow.$parent.flowElements, flow);
  if (flow.sourceRef.default === flow) flow.sourceRef.default = undefined;
}

function placeLabels(proc, boxes, routes) {
  const labels = new Map();
  for (const el of proc.flowElements) {
    if (!el.name || is(el, 'bpmn:Activity') || !(boxes.has(el.id) || routes.has(el.id))) continue;
    labels.set(el.id, geo.placeLabel(el, boxes, routes));
  }
  return labels;
}

function moveToOrigin(boxes, routes, labels) {
  const all = [ ...boxes.values(), ...labels.values(), ...[ ...routes.values() ].flat() ];
  const dx = ORIGIN.x - Math.min(...all.map(p => p.x));
  const dy = ORIGIN.y - Math.min(...all.map(p => p.y));
  for (const p of all) { p.x = Math.round(p.x + dx); p.y = Math.round(p.y + dy); }
}

function buildDiagram(moddle, proc, boxes, routes, labels) {
  const bounds = b => moddle.create('dc:Bounds', pick(b));
  const label = id => labels.has(id) ? { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(labels.get(id)) }) } : {};
  const shapes = proc.flowElements.filter(el => boxes.has(el.id)).map(el => moddle.create('bpmndi:BPMNShape', {
    id: el.id + '_di', bpmnElement: el, bounds: bounds(boxes.get(el.id)),
    ...(is(el, 'bpmn:ExclusiveGateway') ? { isMarkerVisible: true } : {}), ...label(el.id)
  }));
  const edges = proc.flowElements.filter(el => routes.has(el.id)).map(el => moddle.create('bpmndi:BPMNEdge', {
    id: el.id + '_di', bpmnElement: el, waypoint: routes.get(el.id).map(p => moddle.create('dc:Point', { x: p.x, y: p.y })),
    ...label(el.id)
  }));
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_' + proc.id, bpmnElement: proc, planeElement: [ ...shapes, ...edges ] });
  return moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_' + proc.id, plane });
}

const pick = b => ({ x: b.x, y: b.y, width: b.width, height: b.height });

async function verify(source, xml, feel) {
  const { rootElement: defs, warnings } = await newModdle().fromXML(xml);
  if (warnings.length) throw new Error('output: ' + warnings.map(w => w.message).join('; '));
  const proc = singleProcess(defs);
  if (await semantics(source) !== await semantics(xml)) throw new Error('the layout changed the process semantics');
  checks.checkDiagram(defs, proc);
  checks.checkDialect(proc, feel);
  await checks.lint(defs);
}

async function semantics(xml) {
  const moddle = newModdle();
  const { rootElement } = await moddle.fromXML(xml);
  rootElement.diagrams = [];
  return (await moddle.toXML(rootElement, { format: true })).xml;
}

main().catch(err => {
  console.error(err.stack || err);
  process.exitCode = 1;
});
