// Every TypeORM entity of the product, for the data source.
import { DefinitionEntity } from './definition.entity';
import { EscalationEntity } from './escalation.entity';
import { HistoryEntity } from './history.entity';
import { IncidentEntity } from './incident.entity';
import { MessageSubscriptionEntity } from './message-subscription.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { SlaClockEntity } from './sla-clock.entity';
import { TaskEntity } from './task.entity';
import { TimerEntity } from './timer.entity';

export { SlaClockEntity, DefinitionEntity, EscalationEntity, HistoryEntity, IncidentEntity, MessageSubscriptionEntity, ProcessInstanceEntity, TaskEntity, TimerEntity };
export const entities = [DefinitionEntity, ProcessInstanceEntity, TaskEntity, TimerEntity, MessageSubscriptionEntity, HistoryEntity, IncidentEntity, EscalationEntity, SlaClockEntity];
