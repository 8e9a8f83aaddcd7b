// One simulation run seen from the dialog: start → queued/running with progress (live stream and polling) → done or failed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import type { LiveEvent } from '../app/live-events';
import { getSimulation, startSimulation, type Simulation, type SimulationRequest, type SimulationStatus } from './simulation-api';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; id: string; status: SimulationStatus; progress: number }
  | { phase: 'done'; simulation: Simulation }
  | { phase: 'failed'; message: string };

/** Polling backs the live stream up: the progress event may be missed (reconnect) or not sent at all. */
const POLL_MS = 1500;

export function useSimulationRun() {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  // The run the dialog waits for; answers about an older run (started before "run again") are ignored.
  const current = useRef<string | null>(null);

  const apply = (s: Simulation) => {
    if (s.id !== current.current) return;
    if (s.status === 'done') setState({ phase: 'done', simulation: s });
    else if (s.status === 'failed') setState({ phase: 'failed', message: s.error ?? 'failed' });
    // A poll answered after a newer live event must not move the bar back.
    else setState((prev) => ({ phase: 'running', id: s.id, status: s.status, progress: prev.phase === 'running' && prev.id === s.id ? Math.max(prev.progress, s.progress) : s.progress }));
  };

  const refresh = (id: string) =>
    getSimulation(id).then(apply, (err: Error) => {
      // A network blip is retried by the next poll; an answer from the server (404, 403 …) ends the wait.
      if (err instanceof ApiError && err.status !== 0 && current.current === id) setState({ phase: 'failed', message: err.message });
    });

  const runningId = state.phase === 'running' ? state.id : null;
  useEffect(() => {
    if (!runningId) return;
    const timer = setInterval(() => void refresh(runningId), POLL_MS);
    return () => clearInterval(timer);
  }, [runningId]);
  useEffect(() => () => void (current.current = null), []);

  const start = async (request: SimulationRequest) => {
    current.current = null;
    setState({ phase: 'starting' });
    try {
      const { id, status } = await startSimulation(request);
      current.current = id;
      setState({ phase: 'running', id, status, progress: 0 });
    } catch (err) {
      setState({ phase: 'failed', message: (err as Error).message });
    }
  };

  /** A `simulation.progress` event: moves the bar at once, and fetches the results when the run has ended. */
  const onLiveEvent = (event: LiveEvent) => {
    const { simulationId, progress, status } = event.data as { simulationId?: string; progress?: number; status?: SimulationStatus };
    if (!simulationId || simulationId !== current.current) return;
    if (status === 'done' || status === 'failed') void refresh(simulationId);
    else if (typeof progress === 'number') setState((s) => (s.phase === 'running' && s.id === simulationId ? { ...s, status: status ?? s.status, progress: Math.max(s.progress, progress) } : s));
  };

  const reset = () => {
    current.current = null;
    setState({ phase: 'idle' });
  };

  return { state, start, onLiveEvent, reset };
}
