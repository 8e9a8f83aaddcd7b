// Supervisor board: live SLA alerts (a new breach is highlighted, counted in the title, optionally beeps), escalations
// with acknowledge / reassign / resolve, and the near-breach countdowns; all kept current by live events, no reload.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../app/api';
import { useLiveEvents, type LiveEvent } from '../app/live-events';
import { useSession } from '../app/session';
import { Empty, ErrorMessage, LiveDot, Loading } from '../app/status';
import type { Escalation, Page, SlaPolicySummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { AlertFeed, fromServer, toAlert, type Alert, type ServerAlert } from './alert-feed';
import { useBeep, useTitleCount } from './breach-cue';
import { EscalationCard } from './escalation-card';
import { NearBreach } from './near-breach';
import { OpenIncidents } from './open-incidents';
import './board.css';

const ALERT_TYPES = ['sla.warning', 'sla.breached', 'complaint.escalated', 'incident.open'];
const REFRESH_TYPES = ['sla.started', 'sla.met', 'sla.missed', 'sla.paused', 'sla.resumed', 'escalation.acknowledged', 'escalation.reassigned', 'escalation.resolved'];
const BOARD_ROLES = ['supervisor', 'manager'];

export function BoardPage() {
  const { t } = useI18n();
  const session = useSession();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [unseen, setUnseen] = useState(0);
  const [slaVersion, setSlaVersion] = useState(0);
  const [dueWindow, setDueWindow] = useState('PT4H');
  const [freshInstances, setFreshInstances] = useState<Set<string>>(new Set());
  const sound = useBeep();
  useTitleCount(unseen, t('board.title'));

  const escalations = useResource(async () => {
    const [open, acknowledged] = await Promise.all(
      (['open', 'acknowledged'] as const).map((status) => api<Page<Escalation>>('/api/escalations', { query: { status, limit: 100 } })),
    );
    return { open: open.items, acknowledged: acknowledged.items };
  }, []);

  const policies = useResource(() => api<SlaPolicySummary[]>('/api/sla/policies'), []);
  // The board remembers: the server's recent alerts on load, with what this user acknowledged before.
  const nextLevels = useResource(() => api<Record<string, string>>('/api/board/next-levels'), [escalations.data]);
  useEffect(() => {
    void api<{ items: ServerAlert[] }>('/api/board/alerts').then(({ items }) => {
      const stored = items.map(fromServer);
      setAlerts((list) => [...list, ...stored.filter((a) => !list.some((l) => l.key === a.key))].sort((a, b) => Number(b.key) - Number(a.key)).slice(0, 100));
      setUnseen((n) => n + stored.filter((a) => a.fresh && a.type === 'sla.breached').length);
    }, () => undefined);
  }, []);

  const live = useLiveEvents({ roles: BOARD_ROLES, types: [...ALERT_TYPES, ...REFRESH_TYPES] }, (event: LiveEvent) => {
    if (event.type.startsWith('sla.')) setSlaVersion((v) => v + 1);
    if (event.type.startsWith('escalation.') || event.type === 'complaint.escalated') escalations.reload();
    if (!ALERT_TYPES.includes(event.type)) return;
    const alert = toAlert(event);
    setAlerts((list) => (list.some((a) => a.key === alert.key) ? list : [alert, ...list].slice(0, 100)));
    if (event.type === 'complaint.escalated') setFreshInstances((s) => new Set(s).add(alert.processInstanceId));
    if (event.type === 'sla.breached') {
      setUnseen((n) => n + 1);
      sound.beep();
    }
  });

  const markSeen = () => {
    setUnseen(0);
    const newest = alerts.map((a) => a.key).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(b) - Number(a))[0];
    if (newest) void api('/api/board/alerts/acknowledge', { method: 'POST', body: { upTo: newest } }).catch(() => undefined);
    setAlerts((list) => list.map((a) => ({ ...a, fresh: false })));
    setFreshInstances(new Set());
  };

  return (
    <section class="page wide board">
      <div class="page-head">
        <div>
          <h1>{t('board.title')}</h1>
          <p class="muted">{t('board.subtitle')}</p>
        </div>
        <div class="board-tools">
          {unseen > 0 && (
            <button type="button" class="breach-count" data-testid="breach-count" onClick={markSeen}>
              <span class="count">{unseen}</span> {t('board.newBreaches', { count: unseen })}
            </button>
          )}
          <label class="inline">
            <input type="checkbox" checked={sound.enabled} onChange={(e) => sound.setEnabled((e.currentTarget as HTMLInputElement).checked)} /> {t('board.sound')}
          </label>
          <LiveDot status={live} />
        </div>
      </div>
      {!BOARD_ROLES.includes(session.role) && <p class="notice">{t('board.forSupervisors', { role: t(`role.${session.role}`) })}</p>}
      <div class="board-grid">
        <AlertFeed alerts={alerts} policies={policies.data} />
        <section class="panel" aria-labelledby="escalations-title">
          <h2 id="escalations-title">{t('board.escalations')}</h2>
          {escalations.error && <ErrorMessage error={escalations.error} onRetry={escalations.reload} />}
          {!escalations.data && !escalations.error && <Loading />}
          {escalations.data &&
            (['open', 'acknowledged'] as const).map((status) => (
              <div key={status} class="escalation-group" data-testid={`escalations-${status}`}>
                <h3>
                  {t(`board.escalations.${status}`)} <span class="badge">{escalations.data![status].length}</span>
                </h3>
                {escalations.data![status].length === 0 && <Empty>{t(`board.escalations.empty.${status}`)}</Empty>}
                {escalations.data![status].map((e) => (
                  <EscalationCard key={e.id} escalation={e} nextLevelAt={nextLevels.data?.[e.id]} fresh={freshInstances.has(e.processInstanceId) && status === 'open'} onChanged={escalations.reload} />
                ))}
              </div>
            ))}
        </section>
        <NearBreach dueWindow={dueWindow} version={slaVersion} onWindow={setDueWindow} />
        <OpenIncidents />
      </div>
    </section>
  );
}
