// The customer's status page behind a notification's link: the token (hash lookup, expiry) is the only credential and
// names one instance; the view shows only customer-facing facts of that instance. Answering the quote correlates the
// process's waiting quoteAnswered message, as POST /api/messages does.
import { PeopleService } from '../people/people.service';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CustomerDeliveryRepository } from '../customer-notifications/customer-delivery.repository';
import { StatusTokenRepository, type StatusToken } from '../customer-notifications/status-token.repository';
import { hashStatusToken, looksLikeStatusToken } from '../customer-notifications/status-token.util';
import { HistoryRepository } from '../instances/history.repository';
import { InstanceRepository } from '../instances/instance.repository';
import { SubscriptionRepository } from '../instances/subscription.repository';
import { MessagesService } from '../messages/messages.service';
import { RequestNotesRepository } from '../request-notes/request-notes.repository';
import { TaskRepository } from '../tasks/task.repository';
import type { AnswerQuoteDto } from './dto/status-page.dto';

export const QUOTE_MESSAGE = 'quoteAnswered';

@Injectable()
export class StatusPageService {
  constructor(
    private readonly clock: Clock,
    private readonly tokens: StatusTokenRepository,
    private readonly instances: InstanceRepository,
    private readonly history: HistoryRepository,
    private readonly tasks: TaskRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly messages: MessagesService,
    private readonly deliveries: CustomerDeliveryRepository,
    private readonly people: PeopleService,
    private readonly notes: RequestNotesRepository,
  ) {}

  async view(token: string) {
    const { instanceId, language } = await this.resolve(token);
    const instance = await this.instances.findById(instanceId);
    if (!instance) throw new DomainError(ErrorCode.NotFound, 'this link is not valid');
    const [tasks, history, waiting, optedOut, comments] = await Promise.all([
      this.tasks.forInstance(instanceId), this.history.forInstance(instanceId), this.subscriptions.forInstance(instanceId), this.tokens.optedOut(instanceId),
      this.notes.customerComments(instanceId),
    ]);
    const byId = new Map(tasks.map((t) => [t.id, t]));
    // steps in the order they were done (history order; task rows may share a timestamp)
    const done = history.filter((h) => h.type === 'task.completed' && byId.has(String(h.detail?.taskId))).map((h) => byId.get(String(h.detail!.taskId))!);
    const v = instance.variables ?? {};
    const quoteOpen = waiting.some((m) => m.messageName === QUOTE_MESSAGE);
    return {
      language,
      reference: instance.businessKey,
      status: instance.status,
      done: done.map((t) => ({ activityId: t.activityId, name: t.name, names: t.names, at: t.endedAt })),
      next: tasks.filter((t) => t.status === 'open').map((t) => ({ activityId: t.activityId, name: t.name, names: t.names })),
      technician: typeof v.technician === 'string' && v.technician ? await this.people.shownName(v.technician) : null,
      appointmentAt: typeof v.appointmentAt === 'string' ? v.appointmentAt : null,
      quote: quoteOpen || v.quoteAccepted !== undefined ? { amount: v.estimatedCost ?? v.quoteAmount ?? null, open: quoteOpen, accepted: quoteOpen ? null : v.quoteAccepted === true } : null,
      optedOut,
      // only what staff marked for the customer; internal comments never leave the staff side
      comments: await Promise.all(comments.map(async (c) => ({ body: c.body, author: await this.people.shownName(c.author), at: c.createdAt }))),
    };
  }

  async answerQuote(token: string, dto: AnswerQuoteDto) {
    const { instanceId } = await this.resolve(token);
    const shown = (await this.view(token)).quote?.amount;
    // an acceptance binds the amount the page showed: the settlement charges quoteAmount
    const variables = dto.accepted
      ? { quoteAccepted: true, ...(typeof shown === 'number' ? { quoteAmount: shown } : {}) }
      : { quoteAccepted: false, declineReason: dto.reason?.trim() || 'declined by the customer on the status page' };
    await this.messages.correlate({ messageName: QUOTE_MESSAGE, processInstanceId: instanceId, variables }).catch((err) => {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) throw new DomainError(ErrorCode.Conflict, 'there is no quote waiting for an answer');
      throw err;
    });
    return this.view(token);
  }

  async optOut(token: string) {
    const { instanceId } = await this.resolve(token);
    await this.tokens.optOut(instanceId, this.clock.now());
    await this.deliveries.skipOptedOut();
    return this.view(token);
  }

  /** Wrong and unknown tokens look the same (404); a known one past its expiry is 410. */
  private async resolve(token: string): Promise<StatusToken> {
    const found = looksLikeStatusToken(token) ? await this.tokens.find(hashStatusToken(token)) : null;
    if (!found) throw new DomainError(ErrorCode.NotFound, 'this link is not valid');
    if (found.expiresAt.getTime() <= this.clock.now().getTime()) throw new DomainError(ErrorCode.Gone, 'this link has expired');
    return found;
  }
}
