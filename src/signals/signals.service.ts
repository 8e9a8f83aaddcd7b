// Signals: a broadcast reaches every instance waiting for it at that moment, each in its own command (durably queued),
// and starts the processes with a matching signal start event.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { EventStarts } from '../instances/event-starts';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { SignalRepository } from '../instances/signal.repository';
import { plainVariables, type SignalDto } from './dto/signal.dto';

@Injectable()
export class SignalsService {
  constructor(
    private readonly signals: SignalRepository,
    private readonly clock: Clock,
    private readonly starts: EventStarts,
    private readonly commands: InstanceCommandsService,
  ) {}

  /** Queues the signal for every waiting catch and starts every definition with that signal start event, in one transaction. */
  async broadcast(dto: SignalDto): Promise<void> {
    const args = { name: dto.name, variables: plainVariables(dto.variables), now: this.clock.now() };
    await this.commands.transaction(async (em) => {
      await this.signals.broadcast(em, args);
      await this.starts.start(em, { ...args, kind: 'signal', businessKey: null }, this.commands.eventStarter);
    });
  }
}
