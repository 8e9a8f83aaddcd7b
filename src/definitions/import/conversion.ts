// The conversion report of an import: one entry per change made to a diagram from Camunda 7 or Flowable.
export interface Conversion {
  elementId: string;
  /** what kind of thing was changed */
  kind: 'service-task' | 'listener' | 'timer' | 'attribute' | 'field';
  /** converted: rewritten to `to`; removed: dropped (nothing runs it here); kept: left as it was, with `note` saying why */
  action: 'converted' | 'removed' | 'kept';
  from: string;
  to: string | null;
  note?: string;
}

export type Element = { $type: string; id?: string; $parent?: Element; $attrs?: Record<string, string>; get(name: string): any; set(name: string, value: unknown): void; [key: string]: any };

/** The id shown for an element: its own, or the closest ancestor's (extension elements have none). */
export function idOf(element: Element | undefined): string {
  for (let e = element; e; e = e.$parent) if (e.id) return e.id;
  return '';
}
