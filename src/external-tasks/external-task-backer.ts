// Registers open external tasks as what backs a waiting service task ("no stuck instance", src/instances/backing).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { TokenBackers } from '../instances/backing/token-backers';
import { ExternalTaskRepository } from './external-task.repository';

@Injectable()
export class ExternalTaskBacker implements OnModuleInit {
  constructor(
    private readonly backers: TokenBackers,
  ) {}

  onModuleInit(): void {
    this.backers.register({ kind: 'an external task', activityIdsSql: ExternalTaskRepository.OPEN_ACTIVITY_IDS_SQL });
  }
}
