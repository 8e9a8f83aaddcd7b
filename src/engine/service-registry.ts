// Named service-task handlers registered in code; a diagram can only name them (camunda:topic), never carry code.
import { Injectable } from '@nestjs/common';

export interface HandlerContext {
  instanceId: string;
  businessKey: string | null;
  activityId: string;
  variables: Readonly<Record<string, unknown>>;
  /** camunda:inputParameter values, with '=FEEL' already evaluated. */
  inputs: Readonly<Record<string, unknown>>;
  now: Date;
  /** Adds an entry to the instance history in the same transaction. */
  record(type: string, detail?: Record<string, unknown>): void;
}

/** Returns variables to merge into the process, or nothing. */
export type ServiceHandler = (ctx: HandlerContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export interface HandlerDescription {
  name: string;
  description: string;
}

@Injectable()
export class ServiceRegistry {
  private readonly handlers = new Map<string, { handler: ServiceHandler; description: string }>();

  register(name: string, description: string, handler: ServiceHandler): void {
    this.handlers.set(name, { handler, description });
  }

  get(name: string): ServiceHandler | undefined {
    return this.handlers.get(name)?.handler;
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  list(): HandlerDescription[] {
    return [...this.handlers.entries()].map(([name, h]) => ({ name, description: h.description })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
