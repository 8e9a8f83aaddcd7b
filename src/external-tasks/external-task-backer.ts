// Registers open external tasks as what backs a waiting service task ("no stuck instance", src/instances/backing).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { TokenBackers } from '../instances/backing/token-backers';
import { ExternalTaskRepository } from './external-task.repository';

@Injectable()
export class ExternalTaskBacker implements OnModuleInit {
  constructor(
    private readonly backers: TokenBackers,
    private readonly tasks: ExternalTaskRepository,
  ) {}

  onModuleInit(): void {
    this.backers.register({ kind: 'an external task', activityIds: (em, instanceId) => this.tasks.openExternalTaskActivityIds(instanceId, em) });
  }
}
