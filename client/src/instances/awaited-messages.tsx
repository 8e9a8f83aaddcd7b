// The messages a request waits for (e.g. "parts arrived"), offered to the roles that may send them: one button each.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useSession } from '../app/session';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { localName } from '../forms/local-text';

// The roles of the correlateMessage access rule (src/auth/access-rules.ts).
const SENDERS = ['agent', 'technician', 'supervisor', 'manager'];

interface Awaited {
  messageName: string;
  activityId: string;
  activityName: string | null;
  activityNames?: Record<string, string> | null;
}

export function AwaitedMessages({ processInstanceId, version, onSent }: { processInstanceId: string; version?: unknown; onSent: () => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const may = SENDERS.includes(session.role);
  const awaited = useResource(() => (may ? api<Awaited[]>('/api/messages/awaited', { query: { processInstanceId } }) : Promise.resolve([])), [processInstanceId, may, version]);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!may || (!awaited.data?.length && !sent)) return null;
  const send = async (m: Awaited) => {
    setError(null);
    try {
      await api('/api/messages', { method: 'POST', body: { messageName: m.messageName, processInstanceId } });
      setSent(m.activityName ? localName(m.activityName, m.activityNames, locale) : m.messageName);
      awaited.reload();
      onSent();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section class="panel awaited-messages" data-testid="awaited-messages">
      {awaited.data && awaited.data.length > 0 && <h2>{t('awaited.title')}</h2>}
      {awaited.data?.map((m) => (
        <button key={`${m.activityId}-${m.messageName}`} type="button" class="primary" data-message={m.messageName} onClick={() => send(m)}>
          {t('awaited.send', { name: m.activityName ? localName(m.activityName, m.activityNames, locale) : m.messageName })}
        </button>
      ))}
      {sent && (
        <p class="notice ok" role="status">
          {t('awaited.sent', { name: sent })}
        </p>
      )}
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
