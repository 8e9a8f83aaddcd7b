// The board that remembers: recent alerts on load with what this user acknowledged, and when each running
// escalation goes to its next level (the time limit armed on the escalated task).
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { Principal } from '../auth/principal';
import { DefinitionCache } from '../definitions/definition-cache';
import { BoardRepository } from './board.repository';
import { isParked } from '../timers/parked-timers';

@Injectable()
export class BoardService {
  constructor(
    private readonly board: BoardRepository,
    private readonly definitions: DefinitionCache,
    private readonly clock: Clock,
  ) {}

  /** Alerts in the live stream's shape (id = outbox id, so the client merges both), newest first. */
  async alerts(principal: Principal | undefined, limit: number) {
    const user = this.user(principal);
    const [rows, seenUpTo] = await Promise.all([this.board.recentAlerts(principal?.kind === 'user' ? principal.roles : [], limit), this.board.seenUpTo(user)]);
    return { seenUpTo, items: rows.map((r) => ({ id: r.id, type: r.type, data: r.payload, acknowledged: BigInt(r.id) <= BigInt(seenUpTo) })) };
  }

  async acknowledge(principal: Principal | undefined, upTo: string) {
    return { seenUpTo: await this.board.markSeen(this.user(principal), upTo, this.clock.now()) };
  }

  /** Escalation id → when its next level starts: the earliest boundary timer armed on the escalated task. */
  async nextLevels(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const e of await this.board.runningEscalations()) {
      const { model } = await this.definitions.get(e.definition_id);
      const limits = new Set(Object.entries(model.elements).filter(([, el]) => el?.attachedTo === e.activity_id && el.timer).map(([id]) => id));
      const due = e.timers.filter((t) => limits.has(t.activityId) && !isParked(t.dueAt)).map((t) => new Date(t.dueAt).toISOString()).sort()[0];
      if (due) out[e.id] = due;
    }
    return out;
  }

  private user(principal?: Principal): string {
    if (principal?.kind !== 'user') throw new DomainError(ErrorCode.Forbidden, 'the board belongs to signed-in users');
    return principal.name;
  }
}
