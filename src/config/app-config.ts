// The validated runtime configuration: every environment variable the product reads, parsed once at boot.
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
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

  /** The built web client; empty = the one built into this checkout (client/dist). */
  @IsString()
  CLIENT_DIR = '';

  /** Signs access tokens (HS256); unset = a random secret generated once and kept in the database for every replica. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Lifetime of an access token in seconds (short: a deactivated user keeps access at most this long). */
  @Transform(toInt) @IsInt() @Min(60) @Max(86_400)
  ACCESS_TOKEN_TTL_S = 900;

  /** Password of the `admin` user created when the user table is empty; unset = random, printed once by `npm start`. */
  @IsOptional() @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toBool) @IsBoolean()
  DEPLOY_ON_BOOT = true;

  @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  MAX_BPMN_BYTES = 2 * 1024 * 1024;

  @Transform(toInt) @IsInt() @Min(10) @Max(10000)
  MAX_BPMN_ELEMENTS = 2000;

  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  TIMER_POLL_MS = 500;

  @Transform(toInt) @IsInt() @Min(1) @Max(32)
  TIMER_FIRING_CONCURRENCY = 4;

  @IsString()
  @Matches(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/, { message: 'TIME_ZONE must be an IANA zone such as Asia/Shanghai or UTC' })
  TIME_ZONE = 'Asia/Shanghai';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DB_POOL_SIZE = 20;

  @Transform(toInt) @IsInt() @Min(10) @Max(60000)
  EVENTS_POLL_MS = 100;

  @Transform(toInt) @IsInt() @Min(100) @Max(300000)
  EVENTS_HEARTBEAT_MS = 15000;

  @Transform(toInt) @IsInt() @Min(0) @Max(10000)
  EVENTS_REPLAY_LIMIT = 1000;

  @Transform(toInt) @IsInt() @Min(0) @Max(60000)
  WEBHOOK_POLL_MS = 1000;

  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  WEBHOOK_MAX_ATTEMPTS = 8;

  @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  INCIDENT_MAX_ATTEMPTS = 3;

  @Transform(toInt) @IsInt() @Min(100) @Max(24 * 3600 * 1000)
  INCIDENT_RETRY_BASE_MS = 10_000;
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
