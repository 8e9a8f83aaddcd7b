// Registers waiting conditional catch events as backed ("no stuck instance"): every command that changes the
// variables re-evaluates their condition (engine/conditions.ts), so any such command can move them.
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DefinitionCache } from '../../definitions/definition-cache';
import { InstanceRepository } from '../instance.repository';
import { TokenBackers } from './token-backers';

@Injectable()
export class ConditionalBacker implements OnModuleInit {
  constructor(
    private readonly backers: TokenBackers,
    private readonly instances: InstanceRepository,
    private readonly cache: DefinitionCache,
  ) {}

  onModuleInit(): void {
    this.backers.register({ kind: 'a condition on the variables', activityIds: (em, instanceId) => this.waitingConditions(em, instanceId) });
  }

  private async waitingConditions(em: EntityManager, instanceId: string): Promise<string[]> {
    const instance = await this.instances.activeActivities(em, instanceId);
    if (!instance) return [];
    const { model } = await this.cache.get(instance.definitionId);
    return instance.activeActivityIds.filter((id) => model.elements[id]?.condition && model.elements[id].type === 'bpmn:IntermediateCatchEvent');
  }
}
