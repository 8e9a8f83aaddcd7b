// The start-up wiring lines move to debug; everything else keeps its level.
import { quietWiring } from './boot-quiet-logger';

function recorder() {
  const calls: [string, unknown[]][] = [];
  const at = (level: string) => (...args: unknown[]) => void calls.push([level, args]);
  return { calls, logger: { log: at('log'), error: at('error'), warn: at('warn'), debug: at('debug'), verbose: at('verbose'), fatal: at('fatal') } };
}

describe('quietWiring', () => {
  it('sends route mapping and module loading to debug', () => {
    const { calls, logger } = recorder();
    const quiet = quietWiring(logger);
    quiet.log('Mapped {/api/tasks, GET} route', 'RouterExplorer');
    quiet.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug']);
    expect(calls[0][1]).toEqual(['Mapped {/api/tasks, GET} route', 'RouterExplorer']);
  });

  it('keeps the application\'s own info lines, warnings and errors at their level', () => {
    const { calls, logger } = recorder();
    const quiet = quietWiring(logger);
    quiet.log('timer poller started', 'TimerPoller');
    quiet.log('no context');
    quiet.warn('slow', 'RouterExplorer');
    quiet.error('boom', 'stack', 'NestApplication');
    expect(calls.map(([level]) => level)).toEqual(['log', 'log', 'warn', 'error']);
  });
});
