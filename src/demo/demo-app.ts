// Runs work against the product's database in a separate, non-listening application on a virtual clock (the demo
// loader) or the ordinary one (removal); used by `npm run demo` and `npm start -- --demo`.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../app.setup';
import { FakeClock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { DemoRepository } from './demo.repository';
import { DEFAULT_DEMO, loadDemo, type DemoOptions, type DemoSummary } from './demo-loader';
import { DemoService } from './demo.service';

/** The demo application drives timers, surveys and retries itself; no background loop may run on the virtual clock. */
function demoConfig(config: AppConfig): AppConfig {
  const quiet = { TIMER_POLL_MS: 0, SURVEY_POLL_MS: 0, WEBHOOK_POLL_MS: 0, NOTIFY_POLL_MS: 0, KPI_WATCH_MS: 0, LOG_LEVEL: config.LOG_LEVEL === 'debug' ? 'debug' : 'warn' };
  return Object.assign(Object.create(Object.getPrototypeOf(config)), config, quiet) as AppConfig;
}

async function withApp<T>(config: AppConfig, databaseUrl: string, clock: FakeClock | undefined, work: (app: NestExpressApplication) => Promise<T>): Promise<T> {
  const app = await createApp({ config: demoConfig(config), databaseUrl, clock });
  await app.init(); // migrations, and the shipped processes deployed
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Loads the demo ending now; `null` when the database already has process instances (`onlyIfEmpty`) . */
export async function runDemoLoad(config: AppConfig, databaseUrl: string, options: Partial<DemoOptions> & { onlyIfEmpty?: boolean } = {}): Promise<DemoSummary | null> {
  const to = options.to ?? new Date();
  const clock = new FakeClock(to);
  return withApp(config, databaseUrl, clock, async (app) => {
    if (options.onlyIfEmpty && (await app.get(DemoRepository).countInstances()) > 0) return null;
    return loadDemo(app, clock, { ...DEFAULT_DEMO, ...options, to });
  });
}

export async function runDemoRemove(config: AppConfig, databaseUrl: string) {
  return withApp(config, databaseUrl, undefined, (app) => app.get(DemoService).remove());
}
