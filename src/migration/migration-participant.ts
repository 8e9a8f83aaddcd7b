// Instance migration in its command: before the rows reconcile, tasks, subscriptions, timers, … follow their activities.
import { Injectable } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { MigrationRepository } from './migration.repository';

/** The history entry a migration command carries (see MigrationService); its detail names the renamed activities. */
export const MIGRATED = 'instance.migrated';

@Injectable()
@CommandParticipation()
export class MigrationParticipant implements CommandParticipant {
  readonly name = 'migration';
  // Before tasks (Phase.Rows): the task reconcile must find the open tasks under their new activity ids.
  readonly phase = Phase.Rows - 1;

  constructor(private readonly migrations: MigrationRepository) {}

  async onRun({ em, instance, model, history }: RunContext): Promise<void> {
    const migrated = history.find((h) => h.type === MIGRATED);
    if (!migrated) return;
    await this.migrations.moveToVersion(em, instance);
    const renamed = migrated.detail?.renamed ?? {};
    await this.migrations.retargetTasks(em, instance.id, renamed, model);
    await this.migrations.retargetWaits(em, instance.id, renamed);
  }
}
