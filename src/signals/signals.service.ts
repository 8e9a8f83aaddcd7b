// Signals: a broadcast reaches every instance waiting for it at that moment, each in its own command (durably queued).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { SignalRepository } from '../instances/signal.repository';
import { plainVariables, type SignalDto } from './dto/signal.dto';

@Injectable()
export class SignalsService {
  constructor(
    private readonly db: DataSource,
    private readonly signals: SignalRepository,
    private readonly clock: Clock,
  ) {}

  async broadcast(dto: SignalDto): Promise<void> {
    await this.db.transaction((em) => this.signals.broadcast(em, { name: dto.name, variables: plainVariables(dto.variables), now: this.clock.now() }));
  }
}
