// HTTP hardening in front of every route: security headers with a content policy the client and the API docs live
// within (helmet), and CORS only for the origins CORS_ORIGINS names.
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

export function harden(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // Behind nginx (docker-compose) the client's address is in X-Forwarded-For; rate limits count per client.
  if (config.TRUST_PROXY > 0) app.set('trust proxy', config.TRUST_PROXY);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // bpmn-js positions and colours diagram elements with inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Served over plain HTTP in development; a TLS proxy in front decides about upgrades.
          upgradeInsecureRequests: null,
        },
      },
      // Same reason: HSTS belongs to the TLS terminator, not to a server that may be reached over http://localhost.
      strictTransportSecurity: false,
    }),
  );
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, allowedHeaders: ['Authorization', 'X-API-Key', 'Content-Type', 'Last-Event-ID'], exposedHeaders: ['X-Request-Id', 'Retry-After'], maxAge: 600 });
}
