// The registry of command participants: every provider marked @CommandParticipation() is found at start-up (Nest's
// DiscoveryService, as @nestjs/cqrs finds its handlers), so a feature takes part by declaring it, not by registering.
import { Injectable, OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { CommandParticipant } from './command-context';

const PARTICIPANT = Symbol('command participant');

/** Marks a provider that implements CommandParticipant: the pipeline runs it in every command, in its phase. */
export const CommandParticipation = (): ClassDecorator => SetMetadata(PARTICIPANT, true);

@Injectable()
export class CommandParticipants implements OnModuleInit {
  private list: CommandParticipant[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as object | undefined;
      if (type && wrapper.instance && Reflect.getMetadata(PARTICIPANT, type)) this.register(wrapper.instance as CommandParticipant);
    }
  }

  /** Adds a participant by hand (a test's probe); declared ones are found by onModuleInit. */
  register(participant: CommandParticipant): void {
    if (this.list.some((p) => p.name === participant.name)) throw new Error(`command participant "${participant.name}" is registered twice`);
    // Stable: equal phases keep their registration order.
    this.list = [...this.list, participant].sort((a, b) => a.phase - b.phase);
  }

  /** The participants' `holdsSql` probes, read with the lock of a run (see CommandParticipant). */
  probes(): { name: string; sql: string }[] {
    return this.list.flatMap((p) => (p.holdsSql ? [{ name: p.name, sql: p.holdsSql }] : []));
  }

  all(): readonly CommandParticipant[] {
    return this.list;
  }

  names(): string[] {
    return this.list.map((p) => `${p.phase} ${p.name}`);
  }
}
