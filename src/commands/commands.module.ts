// The command pipeline, available to every feature: features inject InstanceCommandsService to run commands and mark a
// provider @CommandParticipation() to take part in them.
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DefinitionsModule } from '../definitions/definitions.module';
import { CommandContexts } from './command-contexts';
import { CommandParticipants } from './command-participants';
import { CommandRunner } from './command-runner';
import { CommandTransactions } from './command-transactions';
import { InstanceCommandsService } from './instance-commands.service';
import { InstanceRowRepository } from './instance-rows.repository';

@Global()
@Module({
  imports: [DefinitionsModule, DiscoveryModule],
  providers: [CommandParticipants, CommandTransactions, CommandRunner, CommandContexts, InstanceCommandsService, InstanceRowRepository],
  exports: [CommandParticipants, InstanceCommandsService],
})
export class CommandsModule {}
