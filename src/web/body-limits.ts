// Body parsers with limits per route: a BPMN diagram (deploy, preview, import) may be large, every other JSON or form body
// is bounded by the variables a command may carry, so an oversized body is refused (413) before it is parsed.
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../config/app-config';

/** Routes whose body carries BPMN XML. */
const DIAGRAM_ROUTES = /^\/api\/definitions(\/preview|\/import(\/preview)?)?\/?$/;

/** Room for the rest of a command's body (business key, message name, form fields) beside its variables. */
const ENVELOPE = 64 * 1024;

export function bodyLimits(config: AppConfig): { diagram: number; other: number } {
  // A diagram inside JSON is escaped: quotes and newlines grow, hence twice the XML limit.
  return { diagram: config.MAX_BPMN_BYTES * 2 + ENVELOPE, other: config.VARIABLES_MAX_BYTES + ENVELOPE };
}

export function parseBodies(app: NestExpressApplication, config: AppConfig): void {
  const limits = bodyLimits(config);
  const diagramJson = express.json({ limit: limits.diagram });
  const json = express.json({ limit: limits.other });
  app.use((req: Request, res: Response, next: NextFunction) => (DIAGRAM_ROUTES.test(req.path) ? diagramJson : json)(req, res, next));
  app.use(express.urlencoded({ extended: true, limit: limits.other }));
}
