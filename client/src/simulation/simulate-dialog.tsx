// Simulate… from the modeler: settings → run the edited diagram and the latest deployed version on learned workload →
// progress → KPIs and charts side by side. Nothing is deployed.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SlaPolicySummary } from '../app/types';
import { useI18n } from '../i18n/i18n';
import type { SimulationRequest } from './simulation-api';
import { historyWindow } from './simulation-window';
import { defaultSettings, SimulationForm, type SimulationSettings } from './simulation-form';
import { SimulationProgress } from './simulation-progress';
import { SimulationResults } from './simulation-results';
import { useSimulationRun } from './use-simulation-run';
import './simulation.css';

interface Props {
  definitionKey: string;
  /** The latest deployed version, the baseline the edited diagram is compared with. */
  baseVersion: number;
  /** The diagram as the modeler holds it now. */
  currentXml: () => Promise<string>;
  /** SLA policies, for their names in the UI language. */
  policies?: SlaPolicySummary[];
  onClose: () => void;
}

export function SimulateDialog({ definitionKey, baseVersion, currentXml, policies, onClose }: Props) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<SimulationSettings>(() => defaultSettings());
  const run = useSimulationRun();
  const { state } = run;
  // Focus moves into the dialog, so keyboard users start in it and Escape closes it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);

  const submit = async () => {
    const fromHistory = historyWindow(settings.from, settings.to);
    if (!fromHistory) return;
    const staff = Object.fromEntries(Object.entries(settings.staff).filter(([, delta]) => delta !== 0 && Number.isFinite(delta)));
    const adjustments = { ...(settings.arrivalsPercent ? { arrivalsPercent: settings.arrivalsPercent } : {}), ...(Object.keys(staff).length ? { staff } : {}) };
    const request: SimulationRequest = {
      definitionKey,
      versions: [baseVersion],
      candidateXml: await currentXml(),
      fromHistory,
      ...(Object.keys(adjustments).length ? { adjustments } : {}),
      days: settings.days,
      replications: settings.replications,
      ...(settings.seed.trim() !== '' ? { seed: Number(settings.seed) } : {}),
    };
    await run.start(request);
  };

  const busy = state.phase === 'starting' || state.phase === 'running';
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div ref={box} tabIndex={-1} class="modal panel simulation-dialog" role="dialog" aria-modal="true" aria-labelledby="simulation-title" aria-busy={busy} data-testid="simulation-dialog">
        <h2 id="simulation-title">{t('simulation.title')}</h2>
        <p>{t('simulation.intro', { key: definitionKey, version: baseVersion })}</p>
        <p class="muted">{t('simulation.nothingDeployed')}</p>
        {state.phase === 'failed' && (
          <p class="error" role="alert" data-testid="simulation-error">
            {t('simulation.failed', { message: state.message })}
          </p>
        )}
        {(state.phase === 'idle' || state.phase === 'failed') && <SimulationForm definitionKey={definitionKey} settings={settings} onChange={setSettings} onSubmit={submit} busy={busy} />}
        {state.phase === 'starting' && <SimulationProgress status="starting" progress={0} onLiveEvent={run.onLiveEvent} />}
        {state.phase === 'running' && <SimulationProgress status={state.status} progress={state.progress} onLiveEvent={run.onLiveEvent} />}
        {state.phase === 'done' && <SimulationResults simulation={state.simulation} policies={policies} />}
        <div class="modal-actions">
          {state.phase === 'done' && (
            <button type="button" onClick={run.reset} data-testid="simulation-again">
              {t('simulation.again')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
