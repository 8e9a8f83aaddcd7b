// The banner above every staff screen while demo data is loaded: what it is, and (admins) removing it.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useSession } from '../app/session';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

interface DemoStatus {
  loaded: boolean;
  instances: number;
  period: { from: string; to: string } | null;
}

export function DemoBanner() {
  const { t } = useI18n();
  const session = useSession();
  const signedIn = Boolean(session.auth);
  const status = useResource<DemoStatus | null>(() => (signedIn ? api<DemoStatus>('/api/demo') : Promise.resolve(null)), [signedIn]);
  const [error, setError] = useState<string | null>(null);
  if (!status.data?.loaded) return null;
  const isAdmin = session.auth?.user.roles.includes('admin') ?? false;
  const remove = async () => {
    if (!confirm(t('demo.confirmRemove'))) return;
    try {
      await api('/api/demo/remove', { method: 'POST', body: { confirm: true } });
      location.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const { period, instances } = status.data;
  return (
    <p class="notice demo-banner" role="note" data-testid="demo-banner">
      {t('demo.banner', { instances, from: formatDateTime(period?.from), to: formatDateTime(period?.to) })}{' '}
      {isAdmin && (
        <button type="button" onClick={remove}>
          {t('demo.remove')}
        </button>
      )}
      {error && <span role="alert"> {error}</span>}
    </p>
  );
}
