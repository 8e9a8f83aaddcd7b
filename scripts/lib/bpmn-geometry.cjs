// Diagram geometry for the process layout script: boundary events, flow routing and label boxes.
// Works on plain { x, y, width, height } boxes keyed by element id; no moddle objects are built here.
'use strict';

const CELL = { width: 150, height: 140 };   // bpmn-auto-layout's grid
const LOOP_GAP = 30;                          // distance between stacked loop-back lanes
const LABEL = { width: 90, line: 14, char: 6 };

const is = (el, type) => el && el.$instanceOf(type);
const mid = b => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const left = b => ({ x: b.x, y: b.y + b.height / 2 });
const right = b => ({ x: b.x + b.width, y: b.y + b.height / 2 });
const top = b => ({ x: b.x + b.width / 2, y: b.y });
const bottom = b => ({ x: b.x + b.width / 2, y: b.y + b.height });

// Move shapes by whole grid cells: { id: [ columns, rows ] }.
function nudge(boxes, moves = {}) {
  for (const [ id, [ dc, dr ] ] of Object.entries(moves)) {
    const b = boxes.get(id);
    if (!b) throw new Error(`layout nudge for unknown element ${id}`);
    b.x += dc * CELL.width;
    b.y += dr * CELL.height;
  }
}

// Boundary events sit on the lower border of their host, spread evenly.
function placeBoundaryEvents(process, boxes) {
  const byHost = new Map();
  for (const ev of process.flowElements.filter(el => is(el, 'bpmn:BoundaryEvent'))) {
    byHost.set(ev.attachedToRef, [ ...(byHost.get(ev.attachedToRef) || []), ev ]);
  }
  for (const [ host, events ] of byHost) {
    const h = boxes.get(host.id);
    events.forEach((ev, i) => {
      const b = boxes.get(ev.id);
      b.x = Math.round(h.x + (i + 1) * h.width / (events.length + 1) - b.width / 2);
      b.y = Math.round(h.y + h.height - b.height / 2);
    });
  }
}

// Orthogonal route for a left-to-right flow. Joins are entered from above/below (their left
// side belongs to the main path); splits and boundary events leave vertically, then turn right.
function routeForward(flow, boxes) {
  const s = boxes.get(flow.sourceRef.id), t = boxes.get(flow.targetRef.id);
  const sm = mid(s), tm = mid(t);
  const down = tm.y > sm.y;
  if (sm.y === tm.y && tm.x > sm.x) return [ right(s), left(t) ];
  if (sm.x === tm.x) return down ? [ bottom(s), top(t) ] : [ top(s), bottom(t) ];
  if (tm.x < sm.x) throw new Error(`flow ${flow.id} runs right to left; only loop-backs may`);
  if ((flow.targetRef.incoming || []).length > 1) {
    return [ right(s), { x: tm.x, y: sm.y }, down ? top(t) : bottom(t) ];
  }
  if (is(flow.sourceRef, 'bpmn:Gateway') || is(flow.sourceRef, 'bpmn:BoundaryEvent')) {
    return [ down ? bottom(s) : top(s), { x: sm.x, y: tm.y }, left(t) ];
  }
  const mx = (s.x + s.width + t.x) / 2;
  return [ right(s), { x: mx, y: sm.y }, { x: mx, y: tm.y }, left(t) ];
}

// Loop-back flow: down from the source, left along a lane below everything it spans, up into
// the target. Call for the shortest loops first so that longer ones nest outside them.
function routeBack(flow, boxes, routes, labels) {
  const s = boxes.get(flow.sourceRef.id), t = boxes.get(flow.targetRef.id);
  const [ x0, x1 ] = [ mid(t).x, mid(s).x ].sort((a, b) => a - b);
  let lowest = Math.max(s.y + s.height, t.y + t.height);
  for (const b of [ ...boxes.values(), ...labels.values() ]) {
    if (b.x <= x1 && b.x + b.width >= x0) lowest = Math.max(lowest, b.y + b.height);
  }
  for (const points of routes.values()) {
    for (const p of points) if (p.x >= x0 && p.x <= x1) lowest = Math.max(lowest, p.y);
  }
  const lane = lowest + LOOP_GAP;
  return [ bottom(s), { x: bottom(s).x, y: lane }, { x: bottom(t).x, y: lane }, bottom(t) ];
}

function labelSize(text) {
  const perLine = Math.floor(LABEL.width / LABEL.char);
  let lines = 1, used = 0;
  for (const word of text.split(/\s+/)) {
    if (used && used + 1 + word.length > perLine) { lines++; used = word.length; } else used += (used ? 1 : 0) + word.length;
  }
  const width = lines > 1 ? LABEL.width : Math.max(20, text.length * LABEL.char + 4);
  return { width, height: lines * LABEL.line };
}

// External label boxes: gateways above (or below when a flow uses the top corner), events
// below (or above), boundary events to the lower right, flows beside their first segment.
function placeLabel(el, boxes, routes) {
  const { width, height } = labelSize(el.name);
  if (is(el, 'bpmn:SequenceFlow')) {
    const [ p, q ] = routes.get(el.id);
    if (p.y === q.y) return { x: p.x + 6, y: p.y - height - 3, width, height };
    return { x: p.x + 5, y: q.y > p.y ? p.y + 5 : p.y - height - 5, width, height };
  }
  const b = boxes.get(el.id);
  if (is(el, 'bpmn:BoundaryEvent')) return { x: b.x + b.width + 2, y: b.y + b.height / 2 + 4, width, height };
  const used = point => [ ...routes.values() ].some(r => [ r[0], r[r.length - 1] ].some(p => p.x === point.x && p.y === point.y));
  const above = { x: mid(b).x - width / 2, y: b.y - height - 5, width, height };
  const below = { x: mid(b).x - width / 2, y: b.y + b.height + 5, width, height };
  if (is(el, 'bpmn:Gateway')) return used(top(b)) && !used(bottom(b)) ? below : above;
  return used(bottom(b)) && !used(top(b)) ? above : below;
}

module.exports = { CELL, is, nudge, placeBoundaryEvents, routeForward, routeBack, placeLabel };
