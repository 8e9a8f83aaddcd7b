// The registry of command participants: features add theirs at module init; the pipeline runs them in phase order.
import { Injectable } from '@nestjs/common';
import type { CommandParticipant } from './command-context';

@Injectable()
export class CommandParticipants {
  private list: CommandParticipant[] = [];

  register(participant: CommandParticipant): void {
    if (this.list.some((p) => p.name === participant.name)) throw new Error(`command participant "${participant.name}" is registered twice`);
    // Stable: equal phases keep their registration order.
    this.list = [...this.list, participant].sort((a, b) => a.phase - b.phase);
  }

  all(): readonly CommandParticipant[] {
    return this.list;
  }

  names(): string[] {
    return this.list.map((p) => `${p.phase} ${p.name}`);
  }
}
