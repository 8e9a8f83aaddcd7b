// Transactions of commands, with the after-commit / on-rollback callbacks their commands register (a live-engine cache
// keeps an engine only once its revision is committed, and drops it when the command fails or rolls back).
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';

interface Hooks {
  commit: (() => void)[];
  rollback: (() => void)[];
}

@Injectable()
export class CommandTransactions {
  private readonly logger = new Logger('CommandTransactions');
  private readonly open = new WeakMap<EntityManager, Hooks>();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Runs `work` in a new transaction; the callbacks its commands registered run after commit or rollback. */
  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const hooks: Hooks = { commit: [], rollback: [] };
    let out: T;
    try {
      out = await this.db.transaction(async (em) => {
        this.open.set(em, hooks);
        const result = await work(em);
        // An @Audited request whose change took no command (e.g. an external task's failure) audits here, before commit.
        await this.audit.flushRequest(em);
        return result;
      });
    } catch (err) {
      this.call(hooks.rollback);
      throw err;
    }
    this.call(hooks.commit);
    return out;
  }

  /** The callbacks of the transaction `em` belongs to; a transaction opened elsewhere never runs them (callbacks must be safe to skip). */
  hooksOf(em: EntityManager): Hooks {
    return this.open.get(em) ?? { commit: [], rollback: [] };
  }

  private call(fns: (() => void)[]): void {
    for (const fn of fns) {
      try {
        fn();
      } catch (err) {
        this.logger.error({ err }, 'a command callback failed');
      }
    }
  }
}
