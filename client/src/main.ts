// ServiceFlow web client: product header, link to the API docs, and the deployed process definitions.

/** One row of `GET /api/definitions`. */
export interface ProcessDefinitionSummary {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deployedAt: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function isDefinitionList(value: unknown): value is ProcessDefinitionSummary[] {
  return (
    Array.isArray(value) &&
    value.every((d) => typeof d === 'object' && d !== null && 'id' in d && 'key' in d && 'version' in d)
  );
}

export async function fetchDefinitions(fetchImpl: typeof fetch = fetch): Promise<ProcessDefinitionSummary[]> {
  const response = await fetchImpl('/api/definitions', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const body: unknown = await response.json();
  if (!isDefinitionList(body)) throw new Error('unexpected response format');
  return body;
}

function renderDefinitions(target: HTMLElement, definitions: ProcessDefinitionSummary[]): void {
  if (definitions.length === 0) {
    target.replaceChildren(el('p', { className: 'muted', textContent: 'No process definitions are deployed yet.' }));
    return;
  }
  const rows = definitions.map((d) =>
    el(
      'tr',
      {},
      el('td', { textContent: d.name || d.key }),
      el('td', {}, el('code', { textContent: d.key })),
      el('td', { textContent: String(d.version) }),
      el('td', { textContent: formatDate(d.deployedAt) }),
    ),
  );
  const head = el(
    'tr',
    {},
    ...['Name', 'Key', 'Version', 'Deployed'].map((label) => el('th', { scope: 'col', textContent: label })),
  );
  target.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
}

async function main(): Promise<void> {
  const app = document.querySelector<HTMLElement>('#app');
  if (!app) return;

  const list = el('div', { className: 'muted', textContent: 'Loading process definitions…' });
  app.replaceChildren(
    el(
      'header',
      {},
      el('h1', { textContent: 'ServiceFlow' }),
      el('a', { href: '/api/docs', textContent: 'API documentation' }),
    ),
    el('p', {
      className: 'muted',
      textContent: 'Service processes — repair tickets, complaint escalation, SLA timers, surveys.',
    }),
    el('h2', { textContent: 'Deployed process definitions' }),
    list,
  );

  try {
    renderDefinitions(list, await fetchDefinitions());
    list.className = '';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    list.replaceChildren(
      el('p', {
        className: 'error',
        textContent: `Could not load process definitions (${reason}). Is the ServiceFlow API running?`,
      }),
    );
  }
}

void main();
