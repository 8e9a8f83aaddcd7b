// Feature: migrating running instances from one version of a process to another (plan, dry run, execute).
import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { MigrationController } from './migration.controller';
import { MigrationParticipant } from './migration-participant';
import { MigrationRepository } from './migration.repository';
import { MigrationService } from './migration.service';

@Module({
  imports: [DefinitionsModule],
  controllers: [MigrationController],
  providers: [MigrationRepository, MigrationService, MigrationParticipant],
  exports: [MigrationService],
})
export class MigrationModule {}
