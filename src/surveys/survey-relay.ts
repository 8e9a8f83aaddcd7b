// Starts what survey and recovery events ask for, exactly once across replicas and crashes: the 'surveys' outbox
// cursor is locked for the transaction (another replica holding it is skipped), and each start commits together
// with the cursor moving past its event. One event = one transaction = one new instance. The survey row's unique
// resolution key guards against a second survey of one resolution (e.g. one started by hand through the API).
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Duration } from 'luxon';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { DefinitionCache } from '../definitions/definition-cache';
import type { HistoryItem } from '../engine/run-types';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { OutboxReaderRepository } from '../notifications/outbox-reader.repository';
import type { OutboxRecord } from '../notifications/outbox-position';
import { OutboxRepository } from '../notifications/outbox.repository';
import { validateForm } from '../tasks/form-validator';
import { SURVEY_DEFINITION_KEY } from './survey-dimensions';

const CURSOR = 'surveys';
const BATCH = 500;
const MAX_STEPS = 200;

@Injectable()
export class SurveyRelay implements OnApplicationBootstrap {
  private readonly logger = new Logger('SurveyRelay');

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly outbox: OutboxReaderRepository,
    private readonly events: OutboxRepository,
    private readonly cache: DefinitionCache,
    private readonly commands: InstanceCommandsService,
    private readonly instances: InstanceRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.outbox.ensureCursor(CURSOR);
  }

  /** Handles what is readable now; returns how many instances were started. */
  async relay(): Promise<number> {
    let started = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const step = await this.commands.transaction((em) => this.step(em));
      started += step.started;
      if (!step.more) break;
    }
    return started;
  }

  private async step(em: EntityManager): Promise<{ started: number; more: boolean }> {
    const cursor = await this.outbox.lockCursor(em, CURSOR);
    if (!cursor) return { started: 0, more: false }; // another replica is on it
    const rows = await this.outbox.after(cursor, BATCH, em);
    const next = rows.find(wanted);
    if (!next) {
      if (rows.length) await this.outbox.saveCursor(em, CURSOR, rows[rows.length - 1]);
      return { started: 0, more: rows.length === BATCH };
    }
    const started = await this.startFor(em, next);
    await this.outbox.saveCursor(em, CURSOR, next);
    return { started, more: true };
  }

  /** A start the engine or the form refuses is recorded and skipped (savepoint), never retried for ever. */
  private async startFor(em: EntityManager, event: OutboxRecord): Promise<number> {
    await em.query('SAVEPOINT relay_start');
    try {
      if (event.type === 'survey.requested') await this.startSurvey(em, event);
      else await this.startComplaint(em, event);
      await em.query('RELEASE SAVEPOINT relay_start');
      return 1;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await em.query('ROLLBACK TO SAVEPOINT relay_start');
      this.logger.warn({ event: event.id, err: err.message }, `could not start what ${event.type} asked for`);
      const payload = event.payload as Record<string, any>;
      await this.events.append(em, [{ instanceId: event.instanceId, type: 'survey.start_failed', roles: ['supervisor'], at: this.clock.now(),
        payload: { ...payload, type: 'survey.start_failed', at: this.clock.now().toISOString(), detail: { eventId: event.id, eventType: event.type, error: err.message, roles: ['supervisor'] } } }]);
      return 0;
    }
  }

  private async startSurvey(em: EntityManager, event: OutboxRecord): Promise<void> {
    const p = event.payload as Record<string, any>;
    const source = event.instanceId ? await this.instances.findById(event.instanceId) : null;
    const v = source?.variables ?? {};
    const variables = {
      resolutionKey: p.detail?.resolutionKey,
      channel: v.channel,
      customerName: v.customerName,
      customerContact: v.customerContact,
      ...contactOf(v),
      sourceInstanceId: event.instanceId,
      sourceBusinessKey: p.businessKey ?? undefined,
      sourceDefinitionKey: p.definitionKey,
      sourceDefinitionVersion: p.definitionVersion,
      priority: v.priority ?? (v.urgent === true ? 'urgent' : undefined),
      region: v.region,
      surveyDelay: this.config.SURVEY_DELAY,
      reminderAfter: this.config.SURVEY_REMINDER,
      expiryAfterReminder: expiryAfterReminder(this.config),
    };
    const businessKey = `SV-${p.businessKey ?? String(event.instanceId).slice(0, 8)}-${p.detail?.resolution}`;
    await this.start(em, SURVEY_DEFINITION_KEY, businessKey, variables, { type: 'survey.scheduled', detail: { resolutionKey: variables.resolutionKey, sourceInstanceId: event.instanceId, sourceBusinessKey: variables.sourceBusinessKey ?? null } });
  }

  private async startComplaint(em: EntityManager, event: OutboxRecord): Promise<void> {
    const p = event.payload as Record<string, any>;
    const survey = event.instanceId ? await this.instances.findById(event.instanceId) : null;
    const v = survey?.variables ?? {};
    const suggestions = v.suggestions ? ` “${String(v.suggestions).slice(0, 500)}”` : '';
    const variables = {
      channel: v.channel,
      customerName: v.customerName,
      customerContact: v.customerContact,
      ...contactOf(v),
      complaint: `Low satisfaction score after ${v.sourceBusinessKey ?? 'a resolution'}: overall ${v.overall}/5, NPS ${v.nps}/10.${suggestions}`,
      urgent: false,
      relatedRequestId: v.sourceBusinessKey ?? undefined,
      recoverySurveyId: event.instanceId,
    };
    const detail = { surveyId: event.instanceId, relatedRequestId: v.sourceBusinessKey ?? null, roles: ['supervisor'] };
    await this.start(em, 'complaint-escalation', `RC-${p.businessKey ?? event.instanceId}`, variables, { type: 'recovery.complaint_opened', detail });
  }

  private async start(em: EntityManager, key: string, businessKey: string, input: Record<string, unknown>, first: Omit<HistoryItem, 'at' | 'activityId'>): Promise<void> {
    const definition = await this.cache.latest(key);
    const { values, errors } = validateForm(definition.model.startForm, Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)), true);
    if (errors.length) throw new DomainError(ErrorCode.Invalid, `${key} cannot start: ${errors.map((e) => e.message).join('; ')}`);
    await this.commands.startIn(em, definition, businessKey, values, [{ ...first, at: this.clock.now(), activityId: null }]);
  }
}

/** How and in which language the customer is reached (and whether not at all): carried to the survey and recovery. */
const CONTACT = ['customerLanguage', 'customerEmail', 'customerPhone', 'customerWechat', 'notificationsOptOut'];

function contactOf(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CONTACT.filter((k) => v[k] !== undefined && v[k] !== null).map((k) => [k, v[k]]));
}

function wanted(r: OutboxRecord): boolean {
  return r.type === 'survey.requested' || (r.type === 'recovery.started' && (r.payload as any).detail?.kind === 'complaint');
}

/** The expiry counts from sending; its timer runs after the reminder, so it waits the rest. */
export function expiryAfterReminder(config: AppConfig): string {
  const rest = Duration.fromISO(config.SURVEY_EXPIRY).toMillis() - Duration.fromISO(config.SURVEY_REMINDER).toMillis();
  return `PT${Math.max(0, Math.round(rest / 1000))}S`;
}
