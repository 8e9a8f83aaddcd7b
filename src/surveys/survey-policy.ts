// Keeps survey rows in step with the survey instance's commands: the start creates the row (one per resolution),
// survey.sent the dates (the link token is made by the sender, src/customer-notifications), survey.expired and recovery.started record the outcome.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { HistoryItem } from '../engine/run-types';
import { SURVEY_DEFINITION_KEY } from './survey-dimensions';
import { SurveyRepository } from './survey.repository';

interface SurveyInstance {
  id: string;
  definitionKey: string;
}

@Injectable()
export class SurveyPolicy {
  constructor(private readonly surveys: SurveyRepository) {}

  async reconcile(em: EntityManager, args: { instance: SurveyInstance; variables: Record<string, unknown>; history: HistoryItem[]; now: Date }): Promise<void> {
    const { instance, variables, history, now } = args;
    if (instance.definitionKey !== SURVEY_DEFINITION_KEY) return;
    if (history.some((h) => h.type === 'process.started')) await this.create(em, instance.id, variables, now);
    for (const h of history) {
      if (h.type === 'survey.sent') await this.sent(em, instance.id, h, now);
      if (h.type === 'survey.expired') await this.surveys.update(em, { instanceId: instance.id, id: instance.id }, { status: 'expired' });
      if (h.type === 'recovery.started') await this.surveys.update(em, { instanceId: instance.id, id: instance.id }, { recoveryKind: String(h.detail?.kind) });
    }
  }

  private async create(em: EntityManager, id: string, v: Record<string, unknown>, now: Date): Promise<void> {
    const text = (x: unknown) => (x === undefined || x === null || x === '' ? null : String(x));
    const created = await this.surveys.insert(em, {
      id,
      instanceId: id,
      resolutionKey: String(v.resolutionKey),
      sourceInstanceId: text(v.sourceInstanceId),
      sourceDefinitionKey: text(v.sourceDefinitionKey),
      sourceDefinitionVersion: v.sourceDefinitionVersion == null ? null : Number(v.sourceDefinitionVersion),
      sourceBusinessKey: text(v.sourceBusinessKey),
      channel: text(v.channel),
      priority: text(v.priority),
      region: text(v.region),
      status: 'scheduled',
      sentAt: null,
      remindedAt: null,
      expiresAt: null,
      answeredAt: null,
      scores: null,
      overall: null,
      nps: null,
      suggestions: null,
      wantsComplaint: null,
      lowScore: null,
      recoveryKind: null,
      createdAt: now,
    });
    if (!created) throw new DomainError(ErrorCode.Conflict, `a survey of resolution ${String(v.resolutionKey)} exists already (one survey per resolution)`);
  }

  private async sent(em: EntityManager, id: string, h: HistoryItem, now: Date): Promise<void> {
    const detail = h.detail ?? {};
    const reminder = detail.kind === 'reminder';
    await this.surveys.update(em, { instanceId: id, id }, reminder ? { status: 'reminded', remindedAt: now } : { status: 'sent', sentAt: now, expiresAt: new Date(detail.expiresAt) });
  }
}
