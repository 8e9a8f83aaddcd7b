// Checks for laid-out process files: diagram completeness and geometry, our BPMN dialect
// (see processes/README.md), FEEL syntax and bpmnlint:recommended. Each check throws on failure.
'use strict';

const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { is } = require('./bpmn-geometry.cjs');

const GROUPS = [ 'agent', 'technician', 'supervisor', 'manager' ];
const TOPICS = [ 'notifyCustomer', 'assignTechnician', 'calculateSettlement', 'archiveWorkOrder', 'notifyEscalation',
  'requestSurvey', 'sendSurvey', 'expireSurvey', 'startRecovery' ];
const FIELD_TYPES = [ 'string', 'long', 'decimal', 'boolean', 'date', 'duration', 'enum' ];
const CONSTRAINTS = [ 'required', 'minlength', 'maxlength', 'min', 'max', 'readonly', 'pattern' ];
const FORBIDDEN = [ 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask', 'bpmn:CallActivity', 'bpmn:SubProcess' ];
const ISO_DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const extensions = (el, type) => ((el.extensionElements && el.extensionElements.values) || []).filter(v => is(v, type));

// Every flow node and flow has a shape/edge; boundary events sit on their host's border;
// no edge runs through a shape it does not connect.
function checkDiagram(defs, process) {
  const dis = defs.diagrams.flatMap(d => d.plane.planeElement);
  const diOf = new Map(dis.map(di => [ di.bpmnElement && di.bpmnElement.id, di ]));
  const shapes = dis.filter(di => di.bounds && !is(di.bpmnElement, 'bpmn:BoundaryEvent'));

  for (const el of process.flowElements) {
    const di = diOf.get(el.id);
    const want = is(el, 'bpmn:SequenceFlow') ? 'bpmndi:BPMNEdge' : 'bpmndi:BPMNShape';
    if (!di || di.$type !== want) throw new Error(`${el.id} has no ${want}`);
    if (is(el, 'bpmn:BoundaryEvent')) checkOnBorder(el, di.bounds, diOf.get(el.attachedToRef.id).bounds);
    if (want !== 'bpmndi:BPMNEdge') continue;
    if (di.waypoint.length < 2) throw new Error(`${el.id} has fewer than 2 waypoints`);
    const ends = [ el.sourceRef, el.targetRef, el.sourceRef.attachedToRef ].filter(Boolean);
    for (const shape of shapes.filter(sh => !ends.includes(sh.bpmnElement))) {
      if (crosses(di.waypoint, shape.bounds)) throw new Error(`edge ${el.id} runs through ${shape.bpmnElement.id}`);
    }
  }
}

function checkOnBorder(el, b, h) {
  const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
  const inX = cx >= h.x && cx <= h.x + h.width, inY = cy >= h.y && cy <= h.y + h.height;
  const onBorder = (inX && (cy === h.y || cy === h.y + h.height)) || (inY && (cx === h.x || cx === h.x + h.width));
  if (!onBorder) throw new Error(`boundary event ${el.id} is not on the border of ${el.attachedToRef.id}`);
}

// Axis-parallel segments against a box shrunk by 1px (touching the border is fine).
function crosses(points, b) {
  const [ x0, y0, x1, y1 ] = [ b.x + 1, b.y + 1, b.x + b.width - 1, b.y + b.height - 1 ];
  return points.slice(1).some((q, i) => {
    const p = points[i];
    const [ lx, hx ] = [ Math.min(p.x, q.x), Math.max(p.x, q.x) ];
    const [ ly, hy ] = [ Math.min(p.y, q.y), Math.max(p.y, q.y) ];
    return lx <= x1 && hx >= x0 && ly <= y1 && hy >= y0;
  });
}

function checkDialect(process, feel) {
  const checkFeel = (where, text) => {
    if (!text.startsWith('=')) throw new Error(`${where}: expression must start with "=": ${text}`);
    let errors = 0;
    feel.parseExpression(text.slice(1)).iterate({ enter: n => { if (n.type.isError) errors++; } });
    if (errors) throw new Error(`${where}: FEEL does not parse: ${text}`);
  };

  for (const el of process.flowElements) {
    if (FORBIDDEN.some(t => is(el, t))) throw new Error(`${el.id}: ${el.$type} is not allowed`);
    if (!el.id || (!el.name && !is(el, 'bpmn:SequenceFlow'))) throw new Error(`${el.id || el.$type} needs an id and a name`);
    if (is(el, 'bpmn:UserTask') && !GROUPS.includes(el.candidateGroups)) throw new Error(`${el.id}: candidateGroups must be one of ${GROUPS}`);
    if (is(el, 'bpmn:ServiceTask') && (el.type !== 'external' || !TOPICS.includes(el.topic))) {
      throw new Error(`${el.id}: service tasks are camunda:type="external" with a topic from ${TOPICS}`);
    }
    extensions(el, 'camunda:FormData').forEach(form => form.fields.forEach(field => checkField(el, field)));
    for (const io of extensions(el, 'camunda:InputOutput')) {
      for (const p of io.inputParameters) if ((p.value || '').startsWith('=')) checkFeel(`${el.id} ${p.name}`, p.value);
    }
    if (is(el, 'bpmn:ExclusiveGateway') && (el.outgoing || []).length > 1) checkSplit(el);
    if (is(el, 'bpmn:SequenceFlow') && el.conditionExpression) {
      if (el.conditionExpression.language) throw new Error(`${el.id}: no language attribute, FEEL only`);
      checkFeel(el.id, el.conditionExpression.body);
    }
    for (const def of el.eventDefinitions || []) {
      if (is(def, 'bpmn:TimerEventDefinition')) {
        const body = ((def.timeDuration && def.timeDuration.body) || '').trim();
        if (body.startsWith('=')) checkFeel(el.id, body);
        else if (!ISO_DURATION.test(body)) throw new Error(`${el.id}: timers need a timeDuration (ISO-8601 or FEEL)`);
      }
      if (is(def, 'bpmn:MessageEventDefinition') && !(def.messageRef && def.messageRef.name)) {
        throw new Error(`${el.id}: message events reference a named bpmn:message`);
      }
    }
  }
}

function checkField(el, field) {
  const where = `${el.id} form field ${field.id}`;
  if (!FIELD_TYPES.includes(field.type)) throw new Error(`${where}: type must be one of ${FIELD_TYPES}`);
  if ((field.type === 'enum') !== ((field.values || []).length > 0)) throw new Error(`${where}: enum fields (only) list values`);
  for (const c of (field.validation && field.validation.constraints) || []) {
    if (!CONSTRAINTS.includes(c.name)) throw new Error(`${where}: constraint must be one of ${CONSTRAINTS}`);
  }
}

function checkSplit(gateway) {
  if (!gateway.default) throw new Error(`${gateway.id}: a splitting gateway needs a default flow`);
  for (const f of gateway.outgoing) {
    if (f === gateway.default && f.conditionExpression) throw new Error(`${f.id}: the default flow takes no condition`);
    if (f !== gateway.default && !f.conditionExpression) throw new Error(`${f.id}: needs a condition`);
  }
}

async function lint(defs) {
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(defs);
  const reports = Object.entries(results).flatMap(([ rule, list ]) => list.map(r => `${rule} ${r.id}: ${r.message}`));
  if (reports.length) throw new Error('bpmnlint:\n  ' + reports.join('\n  '));
}

module.exports = { checkDiagram, checkDialect, lint };
