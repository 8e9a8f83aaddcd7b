// The validated runtime configuration: every environment variable the product reads, parsed once at boot.
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const emptyIsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const ISO_DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

export class AppConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './.data';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  PROCESSES_DIR = './processes';

  /** Server processes sharing the port (node cluster); 0 = one per CPU core, at most 4. Each has DB_POOL_SIZE connections. */
  @Transform(toInt) @IsInt() @Min(0) @Max(64)
  WEB_CONCURRENCY = 0;

  /** Cluster workers: this worker's slot and how many slots there are (set by the cluster primary for its workers, not by operators). */
  @Transform(toInt) @IsInt() @Min(0) @Max(63)
  CLUSTER_SLOT = 0;

  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  CLUSTER_SIZE = 1;

  /** Send an instance's commands to the cluster worker that owns it (holds its cached engine); off = any worker runs them. */
  @Transform(toBool) @IsBoolean()
  INSTANCE_ROUTING = true;

  /** The built web client; empty = the one built into this checkout (client/dist). */
  @IsString()
  CLIENT_DIR = '';

  /** Signs access tokens (HS256); unset = JWT_SECRET_FILE, else DATA_DIR/jwt-secret (generated once, mode 0600). */
  @Transform(emptyIsUnset) @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** A file holding the token secret (docker/kubernetes secrets); replicas must share one secret. */
  @Transform(emptyIsUnset) @IsOptional() @IsString()
  JWT_SECRET_FILE?: string;

  /** Lifetime of an access token in seconds (short: a deactivated user keeps access at most this long). */
  @Transform(toInt) @IsInt() @Min(60) @Max(86_400)
  ACCESS_TOKEN_TTL_S = 900;

  /** A signed-in session may be refreshed (POST /api/auth/refresh) until this long after sign-in, in seconds. */
  @Transform(toInt) @IsInt() @Min(300) @Max(30 * 86_400)
  SESSION_MAX_AGE_S = 12 * 3600;

  /** Requests per minute per caller (user, API key, or IP when anonymous) on each replica; 0 = no limit. */
  @Transform(toInt) @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_PER_MINUTE = 20_000;

  /** Sign-in attempts per minute per client address and user name, counted across all workers and replicas. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /** Proxies in front of the server whose X-Forwarded-For is believed (0 = none: the peer address is the client). */
  @Transform(toInt) @IsInt() @Min(0) @Max(10)
  TRUST_PROXY = 0;

  /** Origins allowed to call the API from a browser (comma list, e.g. https://crm.example.com); empty = same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** Password of the `admin` user created when the user table is empty; unset = random, printed once by `npm start`. */
  @Transform(emptyIsUnset) @IsOptional() @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toBool) @IsBoolean()
  DEPLOY_ON_BOOT = true;

  @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  MAX_BPMN_BYTES = 2 * 1024 * 1024;

  @Transform(toInt) @IsInt() @Min(10) @Max(10000)
  MAX_BPMN_ELEMENTS = 2000;

  /**
   * Per command (start, task completion, message, incident resolution): variable names, their size as JSON, nesting.
   * 256 KiB is far beyond any form; documents belong in a document store, referenced by a variable.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  VARIABLES_MAX_COUNT = 1000;

  @Transform(toInt) @IsInt() @Min(1024) @Max(16 * 1024 * 1024)
  VARIABLES_MAX_BYTES = 256 * 1024;

  @Transform(toInt) @IsInt() @Min(1) @Max(60)
  VARIABLES_MAX_DEPTH = 16;

  /** Live engines each server process keeps for the next command of their instance (0 = none; see src/engine/engine-cache.ts). */
  @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000)
  ENGINE_CACHE_MAX_COUNT = 1000;

  /**
   * Estimated heap the cached engines of one server process may take, in MiB (0 = none). Small by default: every cached
   * engine is ~50,000 objects the garbage collector marks, so the budget sets the server's tail latency (README,
   * "Live-engine cache"); 32 MiB keeps ~11 service-request engines, enough for an instance's quick successive commands.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(65_536)
  ENGINE_CACHE_MAX_MB = 32;

  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  TIMER_POLL_MS = 500;

  /** Firing loops per server process; 0 = one per core (at least 2). */
  @Transform(toInt) @IsInt() @Min(0) @Max(32)
  TIMER_FIRING_CONCURRENCY = 0;

  /** Due timers one query claims (and one transaction fires, each under its own savepoint). */
  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  TIMER_CLAIM_BATCH = 20;

  @IsString()
  @Matches(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/, { message: 'TIME_ZONE must be an IANA zone such as Asia/Shanghai or UTC' })
  TIME_ZONE = 'Asia/Shanghai';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Write the log to this file (created owner-readable only, mode 0600) instead of stdout. */
  @Transform(emptyIsUnset) @IsOptional() @IsString()
  LOG_FILE?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DB_POOL_SIZE = 20;

  @Transform(toInt) @IsInt() @Min(10) @Max(60000)
  EVENTS_POLL_MS = 100;

  @Transform(toInt) @IsInt() @Min(100) @Max(300000)
  EVENTS_HEARTBEAT_MS = 15000;

  @Transform(toInt) @IsInt() @Min(0) @Max(10000)
  EVENTS_REPLAY_LIMIT = 1000;

  /** Live streams one caller (user or API key) may hold open at once on each server process; more get 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  EVENTS_MAX_STREAMS_PER_CALLER = 10;

  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  WEBHOOK_POLL_MS = 1000;

  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /**
   * Internal targets webhooks and survey gateways may reach on purpose (comma list of host names, addresses, CIDR
   * ranges); everything else must resolve to public addresses (no loopback, private, link-local, metadata, …).
   */
  @IsString()
  OUTBOUND_ALLOW = '';

  @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  INCIDENT_MAX_ATTEMPTS = 3;

  @Transform(toInt) @IsInt() @Min(100) @Max(24 * 3600 * 1000)
  INCIDENT_RETRY_BASE_MS = 10_000;

  /** External tasks: how often each replica looks for work for its waiting long polls (fetch-and-lock asyncResponseTimeout). */
  @Transform(toInt) @IsInt() @Min(10) @Max(60000)
  EXTERNAL_TASK_POLL_MS = 100;

  /** Long polls one replica keeps waiting at once; more answer 429. */
  @Transform(toInt) @IsInt() @Min(0) @Max(100_000)
  EXTERNAL_TASK_MAX_LONG_POLLS = 500;

  /** Satisfaction surveys (src/surveys): wait after a resolution, reminder and expiry (ISO-8601 durations, from sending). */
  @Matches(ISO_DURATION, { message: 'SURVEY_DELAY must be an ISO-8601 duration such as PT24H' })
  SURVEY_DELAY = 'PT24H';

  @Matches(ISO_DURATION, { message: 'SURVEY_REMINDER must be an ISO-8601 duration such as P3D' })
  SURVEY_REMINDER = 'P3D';

  @Matches(ISO_DURATION, { message: 'SURVEY_EXPIRY must be an ISO-8601 duration such as P7D' })
  SURVEY_EXPIRY = 'P7D';

  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  SURVEY_POLL_MS = 1000;

  /** Where customers reach the web client: survey links are PUBLIC_BASE_URL/survey/<token>. */
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL without a trailing slash' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Bulk actions (src/bulk): how often each replica looks for pending batch items (0 = off, tests drive it). */
  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  BATCH_POLL_MS = 500;

  /** Customer notifications (src/customer-notifications): poll interval (0 = off, tests drive it), attempts per delivery. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  NOTIFY_POLL_MS = 1000;

  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  NOTIFY_MAX_ATTEMPTS = 6;

  /** The customer's language when the process has no customerLanguage variable. */
  @IsIn(['zh-CN', 'en'])
  NOTIFY_DEFAULT_LANGUAGE = 'zh-CN';

  /** E-mail to customers: smtp://user:pass@host:port (or smtps://); unset = e-mail deliveries are logged as skipped. */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'NOTIFY_SMTP_URL must be an smtp:// or smtps:// URL' })
  NOTIFY_SMTP_URL?: string;

  @IsString()
  NOTIFY_EMAIL_FROM = 'ServiceFlow <no-reply@serviceflow.local>';

  /** SMS and WeChat gateways: signed JSON POSTs (HMAC-SHA256 of "timestamp.body" with the secret); unset = skipped. */
  @Transform(emptyIsUnset) @IsOptional() @Matches(/^https?:\/\//, { message: 'NOTIFY_SMS_URL must be an http(s) URL' })
  NOTIFY_SMS_URL?: string;

  @Transform(emptyIsUnset) @IsOptional() @IsString()
  NOTIFY_SMS_SECRET?: string;

  @Transform(emptyIsUnset) @IsOptional() @Matches(/^https?:\/\//, { message: 'NOTIFY_WECHAT_URL must be an http(s) URL' })
  NOTIFY_WECHAT_URL?: string;

  @Transform(emptyIsUnset) @IsOptional() @IsString()
  NOTIFY_WECHAT_SECRET?: string;

  /** How long a status-page link in a notification works. */
  @Matches(ISO_DURATION, { message: 'STATUS_TOKEN_TTL must be an ISO-8601 duration such as P30D' })
  STATUS_TOKEN_TTL = 'P30D';

  /** Status and survey link tokens are deleted this long after they expired (until then the link says "expired"). */
  @Matches(ISO_DURATION, { message: 'TOKEN_RETENTION must be an ISO-8601 duration such as P7D' })
  TOKEN_RETENTION = 'P7D';

  /** How often each replica prunes expired link tokens (0 = off, tests drive it). */
  @Transform(toInt) @IsInt() @Min(0) @Max(86_400_000)
  TOKEN_PRUNE_MS = 3_600_000;

  /** Service recovery starts when the overall CSAT is at most this (1–5) or the NPS at most RECOVERY_NPS_MAX (0–10). */
  @Transform(toInt) @IsInt() @Min(1) @Max(5)
  RECOVERY_CSAT_MAX = 2;

  @Transform(toInt) @IsInt() @Min(0) @Max(10)
  RECOVERY_NPS_MAX = 6;

  /** KPI alerts to supervisors: CSAT (% of answers 4–5 over KPI_CSAT_WINDOW) below this, backlog above KPI_BACKLOG_MAX. */
  @Transform(toInt) @IsInt() @Min(0) @Max(100)
  KPI_CSAT_MIN = 80;

  @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000)
  KPI_BACKLOG_MAX = 10;

  @Matches(ISO_DURATION, { message: 'KPI_CSAT_WINDOW must be an ISO-8601 duration such as P30D' })
  KPI_CSAT_WINDOW = 'P30D';

  @Transform(toInt) @IsInt() @Min(0) @Max(3600_000)
  KPI_WATCH_MS = 60_000;
}

/** Parses and validates the environment; throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked = Object.fromEntries(known.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const config = plainToInstance(AppConfig, picked);
  const errors = validateSync(config);
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/**
 * Makes the configured zone the process zone, so that timer dates without an offset mean the same instant to
 * bpmn-engine (which parses them in local time) and to the host. Called once at boot.
 */
export function applyTimeZone(config: AppConfig): void {
  process.env.TZ = config.TIME_ZONE;
}

/** How many server processes to run: WEB_CONCURRENCY, or one per core (at most 4) when it is 0. */
export function workerCount(config: AppConfig, cores: number): number {
  return config.WEB_CONCURRENCY > 0 ? config.WEB_CONCURRENCY : Math.max(1, Math.min(cores, 4));
}
