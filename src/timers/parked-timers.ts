// A parked timer: an engine timer whose firing failed on data waits for its incident's retry, not for a due time.
/** Far beyond any poll; the engine ignores due_at (it fires what a command names), so the retry still fires it. */
export const PARKED_DUE_AT = new Date('9999-12-31T00:00:00Z');

/** Parked rows are not shown as due (the instance viewer, the board's next escalation): their incident is. */
export function isParked(dueAt: Date | string): boolean {
  return new Date(dueAt).getTime() >= PARKED_DUE_AT.getTime();
}
