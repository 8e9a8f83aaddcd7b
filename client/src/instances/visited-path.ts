// Works out, from an instance's history, which elements it visited and which sequence flows it actually took.

/** The two fields of a history entry this needs (self-contained: the server's type check compiles its unit test). */
export interface HistoryStep {
  type: string;
  activityId: string | null;
}

export interface FlowInfo {
  id: string;
  sourceId: string;
  targetId: string;
}

export interface VisitedPath {
  /** Activities (and events, gateways) that started at least once. */
  visited: Set<string>;
  /** Sequence flows the tokens really travelled. */
  takenFlows: Set<string>;
}

// Gateways where several tokens merge: every flow that arrived since the gateway last started was taken.
const MERGING = new Set(['bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:ComplexGateway']);

/**
 * History records activities, not flows, so a flow counts as taken when its target starts right after its source
 * completed: of the target's incoming flows whose source completed since the target last started, the most recent
 * one (all of them at a merging gateway). Flows into an element that never started, or from a source that never
 * completed (a boundary timer that did not fire), are never marked.
 */
export function visitedPath(history: HistoryStep[], flows: FlowInfo[], typeOf: (id: string) => string | undefined): VisitedPath {
  const incoming = new Map<string, FlowInfo[]>();
  for (const f of flows) incoming.set(f.targetId, [...(incoming.get(f.targetId) ?? []), f]);
  const lastCompleted = new Map<string, number>();
  const lastStarted = new Map<string, number>();
  const visited = new Set<string>();
  const takenFlows = new Set<string>();
  history.forEach((h, index) => {
    if (!h.activityId) return;
    if (h.type === 'activity.completed' || h.type === 'timer.fired') lastCompleted.set(h.activityId, index);
    if (h.type !== 'activity.started') return;
    visited.add(h.activityId);
    const since = lastStarted.get(h.activityId) ?? -1;
    lastStarted.set(h.activityId, index);
    const candidates = (incoming.get(h.activityId) ?? [])
      .map((f) => ({ f, at: lastCompleted.get(f.sourceId) ?? -1 }))
      .filter((c) => c.at > since)
      .sort((a, b) => b.at - a.at);
    if (!candidates.length) return;
    const chosen = MERGING.has(typeOf(h.activityId) ?? '') ? candidates : [candidates[0]];
    for (const c of chosen) takenFlows.add(c.f.id);
  });
  return { visited, takenFlows };
}
