// Surveys in every command of a survey instance: the survey row follows its process (created, sent, expired, recovery).
import { Injectable } from '@nestjs/common';
import { Phase, type CommandParticipant, type RunContext } from '../commands/command-context';
import { CommandParticipation } from '../commands/command-participants';
import { SurveyPolicy } from './survey-policy';

@Injectable()
@CommandParticipation()
export class SurveyParticipant implements CommandParticipant {
  readonly name = 'surveys';
  readonly phase = Phase.React + 20;

  constructor(private readonly surveys: SurveyPolicy) {}

  async onRun({ em, instance, result, now, history }: RunContext): Promise<void> {
    await this.surveys.reconcile(em, { instance, variables: result.variables, history, now });
  }
}
