// The settings of a simulation run: history period, days, replications, seed, and arrivals/staff adjustments per role.
import { useMemo } from 'preact/hooks';
import { ErrorMessage, Loading } from '../app/status';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { loadModel } from './simulation-api';
import { historyWindow, isoDay } from './simulation-window';
import { StaffAdjustments } from './staff-adjustments';

export interface SimulationSettings {
  from: string;
  to: string;
  days: number;
  replications: number;
  seed: string;
  arrivalsPercent: number;
  staff: Record<string, number>;
}

const DAY = 86_400_000;

/** Last 30 days of history, a 30-day run, 5 replications, a fixed seed (the same settings give the same results). */
export function defaultSettings(now = new Date()): SimulationSettings {
  return { from: isoDay(new Date(now.getTime() - 30 * DAY)), to: isoDay(now), days: 30, replications: 5, seed: '1', arrivalsPercent: 0, staff: {} };
}

interface Props {
  definitionKey: string;
  settings: SimulationSettings;
  onChange: (settings: SimulationSettings) => void;
  onSubmit: () => void;
  busy: boolean;
}

export function SimulationForm({ definitionKey, settings, onChange, onSubmit, busy }: Props) {
  const { t } = useI18n();
  const period = useMemo(() => historyWindow(settings.from, settings.to), [settings.from, settings.to]);
  const model = useResource(() => (period ? loadModel(definitionKey, period.from, period.to) : Promise.resolve(undefined)), [definitionKey, period]);
  const set = <K extends keyof SimulationSettings>(key: K, value: SimulationSettings[K]) => onChange({ ...settings, [key]: value });
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  return (
    // noValidate: the server checks the settings and its message says what to change (shown above the form).
    <form
      noValidate
      class="simulation-form"
      data-testid="simulation-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (period) onSubmit();
      }}
    >
      <fieldset>
        <legend>{t('simulation.period')}</legend>
        <label>
          {t('simulation.from')} <input type="date" name="from" required value={settings.from} onChange={(e) => set('from', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('simulation.to')} <input type="date" name="to" required value={settings.to} onChange={(e) => set('to', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        {!period && <p class="field-error" role="alert">{t('simulation.periodInvalid')}</p>}
        {model.loading && <Loading />}
        {model.error && <ErrorMessage error={model.error} onRetry={model.reload} />}
        {model.data?.instances === 0 && <p class="field-error" role="alert">{t('simulation.noHistory')}</p>}
        {model.data && model.data.instances > 0 && <p class="muted" data-testid="simulation-learned">{t('simulation.learned', { instances: model.data.instances, perWeek: model.data.arrivals.perWeek.toFixed(1) })}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('simulation.run.settings')}</legend>
        <label>
          {t('simulation.days')} <input type="number" name="days" required min={1} max={62} step={1} value={settings.days} onInput={(e) => set('days', num(e))} />
        </label>
        <label>
          {t('simulation.replications')} <input type="number" name="replications" required min={1} max={20} step={1} value={settings.replications} onInput={(e) => set('replications', num(e))} />
        </label>
        <label>
          {t('simulation.seed')} <input type="number" name="seed" min={0} step={1} value={settings.seed} placeholder={t('simulation.seedRandom')} onInput={(e) => set('seed', (e.currentTarget as HTMLInputElement).value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('simulation.adjustments')}</legend>
        <label>
          {t('simulation.arrivals')}{' '}
          <input type="number" name="arrivalsPercent" min={-90} max={500} step={5} value={settings.arrivalsPercent} onInput={(e) => set('arrivalsPercent', num(e))} />
        </label>
        {model.data && <StaffAdjustments roles={model.data.staffing.roles} staff={settings.staff} onChange={(staff) => set('staff', staff)} />}
      </fieldset>
      <div class="modal-actions">
        <button type="submit" class="button primary" disabled={busy || !period} data-testid="simulation-run">
          {t('simulation.run')}
        </button>
      </div>
    </form>
  );
}
