// Registers waiting conditional catch events as backed ("no stuck instance"): every command that changes the
// variables re-evaluates their condition (engine/conditions.ts), so any such command can move them. Decided from the
// model alone: no read in the command.
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { DefinitionModel } from '../../engine/definition-model';
import { TokenBackers } from './token-backers';

@Injectable()
export class ConditionalBacker implements OnModuleInit {
  constructor(private readonly backers: TokenBackers) {}

  onModuleInit(): void {
    this.backers.register({ kind: 'a condition on the variables', backsElement: waitsOnCondition });
  }
}

function waitsOnCondition(model: DefinitionModel, activityId: string): boolean {
  const info = model.elements[activityId];
  return !!info?.condition && info.type === 'bpmn:IntermediateCatchEvent';
}
