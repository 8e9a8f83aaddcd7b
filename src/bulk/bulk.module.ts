// Feature: bulk actions as durable background batches, worked item by item on every replica.
import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { InstancesModule } from '../instances/instances.module';
import { MigrationModule } from '../migration/migration.module';
import { BatchActions } from './batch-actions';
import { BatchPoller } from './batch-poller';
import { BatchRepository } from './batch.repository';
import { BatchWorker } from './batch-worker';
import { BatchesController } from './batches.controller';
import { BatchesService } from './batches.service';
import { MigrationBatchesController } from './migration-batches.controller';

@Module({
  imports: [InstancesModule, IncidentsModule, MigrationModule],
  controllers: [BatchesController, MigrationBatchesController],
  providers: [BatchRepository, BatchActions, BatchWorker, BatchPoller, BatchesService],
  exports: [BatchWorker],
})
export class BulkModule {}
