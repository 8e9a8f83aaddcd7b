// Surveys: the public page's view and answer (by one-time token), and the staff list.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { toPage } from '../common/page.dto';
import { AppConfig } from '../config/app-config';
import type { SurveyEntity } from '../database/entities/survey.entity';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { SubscriptionRepository } from '../instances/subscription.repository';
import { AnswerSurveyDto, mapPublicSurvey, mapSurvey, SurveyQueryDto } from './dto/survey.dto';
import { SURVEY_ANSWER_MESSAGE } from './survey-dimensions';
import { hashSurveyToken, looksLikeSurveyToken } from './survey-token.util';
import { SurveyRepository } from './survey.repository';

@Injectable()
export class SurveysService {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly instances: InstanceRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async view(token: string) {
    const survey = await this.open(token);
    const instance = await this.instances.findById(survey.instanceId);
    if (instance?.status !== 'active') throw gone('closed'); // e.g. cancelled by staff
    return mapPublicSurvey(survey, (instance?.variables.customerName as string) ?? null);
  }

  /** Records the answer and moves the survey instance on, in one transaction under the instance lock. */
  async answer(token: string, dto: AnswerSurveyDto) {
    const survey = await this.open(token);
    const lowScore = dto.overall <= this.config.RECOVERY_CSAT_MAX || dto.nps <= this.config.RECOVERY_NPS_MAX;
    const wantsComplaint = dto.wantsComplaint === true;
    await this.commands.execute(survey.instanceId, async (_instance, em) => {
      const locked = await this.surveys.lockIn(em, survey.instanceId, survey.id);
      if (!locked) throw gone('unknown');
      this.checkOpen(locked);
      const sub = await this.subscriptions.findIn(em, survey.instanceId, SURVEY_ANSWER_MESSAGE);
      if (!sub) throw gone('closed');
      const now = this.clock.now();
      const scores = Object.fromEntries(Object.entries(dto.scores ?? {}).filter(([, v]) => v !== undefined)) as Record<string, number>;
      await this.surveys.update(em, survey, { status: 'answered', answeredAt: now, scores, overall: dto.overall, nps: dto.nps, suggestions: dto.suggestions?.trim() || null, wantsComplaint, lowScore });
      return {
        action: { type: 'signal', activityId: sub.activityId, executionId: sub.executionId, messageId: sub.messageId, variables: { overall: dto.overall, nps: dto.nps, lowScore, wantsComplaint, suggestions: dto.suggestions?.trim() || null, surveyStatus: 'answered' } },
        history: [{ at: now, type: 'survey.answered', activityId: sub.activityId, detail: { surveyId: survey.id, overall: dto.overall, nps: dto.nps, scores, lowScore, wantsComplaint } }],
      };
    }).catch(async (err) => {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.Conflict) throw err;
      // The instance moved on between the check and the lock: a concurrent answer won (409), or it expired or was
      // cancelled (410).
      const now = await this.surveys.findById(survey.id);
      throw now?.status === 'answered' ? alreadyAnswered() : gone('closed');
    });
    return { status: 'answered' as const, recovery: lowScore ? (wantsComplaint ? 'complaint' : 'callback') : null };
  }

  async list(query: SurveyQueryDto) {
    const page = await this.surveys.list(query);
    const complaints = await this.surveys.recoveryComplaints(page.items.filter((s) => s.recoveryKind === 'complaint').map((s) => s.id));
    return toPage(page, query, (s) => mapSurvey(s, complaints.get(s.id) ?? null));
  }

  async get(id: string) {
    const survey = await this.surveys.findById(id);
    if (!survey) throw DomainError.notFound('Survey', id);
    const complaints = await this.surveys.recoveryComplaints([id]);
    return mapSurvey(survey, complaints.get(id) ?? null);
  }

  private async open(token: string): Promise<SurveyEntity> {
    const survey = looksLikeSurveyToken(token) ? await this.surveys.findByTokenHash(hashSurveyToken(token)) : null;
    if (!survey) throw new DomainError(ErrorCode.NotFound, 'this survey link is not valid: check that the whole link was copied', [{ field: 'token', message: 'unknown' }]);
    this.checkOpen(survey);
    return survey;
  }

  private checkOpen(survey: SurveyEntity): void {
    if (survey.status === 'answered') throw alreadyAnswered();
    const expired = survey.status === 'expired' || survey.status === 'cancelled' || (survey.expiresAt && survey.expiresAt <= this.clock.now());
    if (expired) throw gone('expired');
  }
}

function alreadyAnswered(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'this survey has already been answered: thank you', [{ field: 'token', message: 'answered' }]);
}

function gone(why: 'expired' | 'closed' | 'unknown'): DomainError {
  return new DomainError(ErrorCode.Gone, 'this survey has expired and can no longer be answered', [{ field: 'token', message: why === 'unknown' ? 'expired' : why }]);
}
