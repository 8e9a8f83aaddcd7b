// Webhook subscriptions: subscribe (secret shown once), send a test delivery, read the delivery log, deactivate.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useAdminAction } from './use-admin-action';

interface Subscription { id: string; url: string; eventTypes: string[]; active: boolean }
interface Delivery { id: number; eventType: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; createdAt: string }

function DeliveryLog({ id }: { id: string }) {
  const { t } = useI18n();
  const log = useResource(() => api<{ items: Delivery[] }>(`/api/webhooks/${id}/deliveries`, { query: { limit: 20 } }), [id]);
  if (!log.data?.items.length) return <p>{t('admin.noDeliveries')}</p>;
  return (
    <ul class="deliveries">
      {log.data.items.map((d) => <li key={d.id}>{formatDateTime(d.createdAt)} {d.eventType} — {d.status} ({d.attempts}) {d.lastStatusCode ?? d.lastError ?? ''}</li>)}
    </ul>
  );
}

export function WebhooksPanel() {
  const { t } = useI18n();
  const subs = useResource(() => api<{ items: Subscription[] }>('/api/webhooks', { query: { limit: 200 } }), []);
  const { error, run } = useAdminAction(subs.reload);
  const [form, setForm] = useState({ url: '', eventTypes: '' });
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);
  const subscribe = (e: Event) => {
    e.preventDefault();
    const eventTypes = form.eventTypes.split(',').map((s) => s.trim()).filter(Boolean);
    void run(async () => {
      setSecret((await api<{ secret: string }>('/api/webhooks', { method: 'POST', body: { url: form.url, eventTypes } })).secret);
      setForm({ url: '', eventTypes: '' });
    });
  };
  const test = (id: string) =>
    run(async () => {
      const r = await api<{ ok: boolean; statusCode: number | null; error: string | null }>(`/api/webhooks/${id}/test`, { method: 'POST', body: {} });
      setTested({ ...tested, [id]: r.ok ? `OK ${r.statusCode}` : r.error ?? String(r.statusCode) });
    });
  return (
    <div>
      <form onSubmit={subscribe} aria-label={t('admin.tab.webhooks')}>
        <label>{t('admin.url')}<input name="url" type="url" value={form.url} onInput={(e) => setForm({ ...form, url: e.currentTarget.value })} required /></label>
        <label>{t('admin.eventTypes')}<input name="eventTypes" value={form.eventTypes} onInput={(e) => setForm({ ...form, eventTypes: e.currentTarget.value })} /></label>
        <button type="submit">{t('admin.subscribe')}</button>
      </form>
      {secret && <p class="once">{t('admin.secretShownOnce')} <code>{secret}</code></p>}
      {error && <p class="error" role="alert">{error}</p>}
      <table>
        <tbody>
          {(subs.data?.items ?? []).map((s) => (
            <tr key={s.id} data-webhook={s.url}>
              <td>{s.url}<br />{s.eventTypes.join(', ') || '*'}</td>
              <td>{s.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                {s.active && <button type="button" onClick={() => test(s.id)}>{t('admin.test')}</button>}
                <button type="button" onClick={() => setOpen(open === s.id ? null : s.id)}>{t('admin.deliveries')}</button>
                {s.active && <button type="button" onClick={() => run(() => api(`/api/webhooks/${s.id}`, { method: 'DELETE' }))}>{t('admin.deactivate')}</button>}
                {tested[s.id] && <p data-testid="test-result">{t('admin.testResult', { result: tested[s.id] })}</p>}
                {open === s.id && <DeliveryLog id={s.id} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
