// The root module: configuration, database, engine, features, logging and operations endpoints.
import { ClusterModule } from './cluster/cluster.module';
import { CommandsModule } from './commands/commands.module';
import { TimersModule } from './timers/timers.module';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Clock, SystemClock } from './common/clock';
import { pinoParams } from './common/logging/pino-options';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DefinitionsModule } from './definitions/definitions.module';
import { EngineModule } from './engine/engine.module';
import { EscalationsModule } from './escalations/escalations.module';
import { ExternalTasksModule } from './external-tasks/external-tasks.module';
import { HandlersModule } from './handlers/handlers.module';
import { IncidentsModule } from './incidents/incidents.module';
import { InstancesModule } from './instances/instances.module';
import { MessagesModule } from './messages/messages.module';
import { SignalsModule } from './signals/signals.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { SlaModule } from './sla/sla.module';
import { SurveysModule } from './surveys/surveys.module';
import { KpisModule } from './kpis/kpis.module';
import { TasksModule } from './tasks/tasks.module';
import { BoardModule } from './board/board.module';
import { ClockModule } from './common/clock.module';
import { AuditModule } from './audit/audit.module';
import { MigrationModule } from './migration/migration.module';
import { BulkModule } from './bulk/bulk.module';
import { AuthModule } from './auth/auth.module';
import { GroupsModule } from './groups/groups.module';
import { CustomerNotificationsModule } from './customer-notifications/customer-notifications.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { PeopleModule } from './people/people.module';
import { RequestNotesModule } from './request-notes/request-notes.module';
import { DemoModule } from './demo/demo.module';
import { SimulationModule } from './simulation/simulation.module';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, clock = new SystemClock() }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        LoggerModule.forRoot(pinoParams(config)),
        DatabaseModule.forRoot(databaseUrl, config.DB_POOL_SIZE),
        AuditModule,
        AuthModule,
        GroupsModule,
        PeopleModule,
        DispatchModule,
        RequestNotesModule,
        EngineModule,
        SlaModule,
        HandlersModule,
        SurveysModule,
        CustomerNotificationsModule,
        KpisModule,
        DefinitionsModule,
        ClusterModule,
        CommandsModule,
        TimersModule,
        InstancesModule,
        MigrationModule,
        BulkModule,
        TasksModule,
        BoardModule,
        MessagesModule,
        SignalsModule,
        NotificationsModule,
        IncidentsModule,
        ExternalTasksModule,
        EscalationsModule,
        SchedulerModule,
        ObservabilityModule,
        DemoModule,
        SimulationModule,
      ],
    };
  }
}
