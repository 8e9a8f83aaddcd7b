// A running simulation's progress bar; while shown it listens for `simulation.progress` on the live stream.
import { useLiveEvents, type LiveEvent } from '../app/live-events';
import { useI18n } from '../i18n/i18n';
import type { SimulationStatus } from './simulation-api';

// The server restricts a run's progress to analysts (admins may ask for any role).
const ROLES = ['analyst'];
const TYPES = ['simulation.progress'];

export function SimulationProgress({ status, progress, onLiveEvent }: { status: SimulationStatus | 'starting'; progress: number; onLiveEvent: (event: LiveEvent) => void }) {
  const { t } = useI18n();
  useLiveEvents({ roles: ROLES, types: TYPES }, onLiveEvent);
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div class="simulation-progress" data-testid="simulation-progress">
      <progress max={100} value={status === 'running' ? percent : undefined} aria-label={t('simulation.progress')} />
      <span role="status" aria-live="polite">
        {status === 'running' ? t('simulation.running', { percent }) : t('simulation.queued')}
      </span>
    </div>
  );
}
