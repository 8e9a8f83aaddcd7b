// Dispatch (/dispatch): each technician's load and duty for dispatchers, and the supervisor's audited override.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { Empty, ErrorMessage, Loading } from '../app/status';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { PersonPicker } from './person-picker';
import './dispatch.css';

interface TechnicianLoad {
  username: string;
  displayName: string | null;
  profile: { skills: string[]; regions: string[]; calendar: string; capacity: number } | null;
  openWork: number;
  onDuty: boolean | null;
}

export function DispatchPage() {
  const { t } = useI18n();
  const load = useResource(() => api<TechnicianLoad[]>('/api/dispatch/technicians'), []);
  return (
    <div class="page dispatch-page">
      <div class="page-head">
        <h1>{t('dispatch.title')}</h1>
        <p class="muted">{t('dispatch.subtitle')}</p>
      </div>
      {load.error && <ErrorMessage error={load.error} onRetry={load.reload} />}
      {load.loading && !load.data && <Loading />}
      {load.data?.length === 0 && <Empty>{t('dispatch.empty')}</Empty>}
      {!!load.data?.length && (
        <table class="panel" data-testid="technician-load">
          <thead>
            <tr>
              {(['technician', 'load', 'duty', 'skills', 'regions', 'calendar'] as const).map((c) => <th key={c}>{t(`dispatch.col.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {load.data.map((row) => <LoadRow key={row.username} row={row} />)}
          </tbody>
        </table>
      )}
      <OverrideForm onDone={load.reload} />
    </div>
  );
}

function LoadRow({ row }: { row: TechnicianLoad }) {
  const { t } = useI18n();
  const p = row.profile;
  const full = p !== null && row.openWork >= p.capacity;
  return (
    <tr data-testid="technician" data-username={row.username}>
      <td>{row.displayName ? `${row.displayName} (${row.username})` : row.username}</td>
      <td class={full ? 'breached' : ''}>{p ? `${row.openWork} / ${p.capacity}` : row.openWork}</td>
      <td>{row.onDuty === null ? '—' : row.onDuty ? t('dispatch.onDuty') : t('dispatch.offDuty')}</td>
      {p ? (
        <>
          <td>{p.skills.join(', ')}</td>
          <td>{p.regions.join(', ')}</td>
          <td>{p.calendar}</td>
        </>
      ) : (
        <td colSpan={3} class="muted">{t('dispatch.noProfile')}</td>
      )}
    </tr>
  );
}

function OverrideForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [instanceId, setInstanceId] = useState(() => new URLSearchParams(location.search).get('instance') ?? '');
  const [technician, setTechnician] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await api(`/api/dispatch/process-instances/${encodeURIComponent(instanceId.trim())}/override`, { method: 'POST', body: { technician, reason } });
      setMessage({ ok: true, text: t('dispatch.override.done', { technician }) });
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  return (
    <form class="panel dispatch-override" onSubmit={submit} aria-label={t('dispatch.override.title')}>
      <h2>{t('dispatch.override.title')}</h2>
      <label>{t('dispatch.override.instance')} <input name="instance" value={instanceId} onInput={(e) => setInstanceId((e.currentTarget as HTMLInputElement).value)} /></label>
      <label>{t('dispatch.override.technician')} <PersonPicker name="technician" role="technician" value={technician} onChange={setTechnician} /></label>
      <label>{t('dispatch.override.reason')} <input name="reason" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} /></label>
      <button type="submit" class="primary">{t('dispatch.override.submit')}</button>
      {message && <div role={message.ok ? 'status' : 'alert'} class={message.ok ? 'muted' : 'error'} data-testid="override-result">{message.text}</div>}
    </form>
  );
}
