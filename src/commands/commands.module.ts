// The command pipeline, available to every feature: features inject InstanceCommandsService to run commands and
// CommandParticipants to take part in them.
import { Global, Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { InstanceRepository } from '../instances/instance.repository';
import { CommandContexts } from './command-contexts';
import { CommandParticipants } from './command-participants';
import { CommandRunner } from './command-runner';
import { CommandTransactions } from './command-transactions';
import { InstanceCommandsService } from './instance-commands.service';

@Global()
@Module({
  imports: [DefinitionsModule],
  providers: [CommandParticipants, CommandTransactions, CommandRunner, CommandContexts, InstanceCommandsService, InstanceRepository],
  exports: [CommandParticipants, InstanceCommandsService, InstanceRepository],
})
export class CommandsModule {}
