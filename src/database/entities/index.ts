// Every TypeORM entity of the product, for the data source.
import { ApiKeyEntity } from './api-key.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { DefinitionEntity } from './definition.entity';
import { EscalationEntity } from './escalation.entity';
import { ExternalTaskEntity } from './external-task.entity';
import { GroupEntity, GroupMemberEntity } from './group.entity';
import { HistoryEntity } from './history.entity';
import { IncidentEntity } from './incident.entity';
import { MessageSubscriptionEntity } from './message-subscription.entity';
import { ProcessInstanceEntity } from './process-instance.entity';
import { SettingEntity } from './setting.entity';
import { SlaClockEntity } from './sla-clock.entity';
import { SurveyEntity } from './survey.entity';
import { TaskEntity } from './task.entity';
import { TechnicianProfileEntity } from './technician-profile.entity';
import { RequestAttachmentEntity, RequestCommentEntity } from './request-note.entity';
import { TaskFilterEntity } from './task-filter.entity';
import { TimerEntity } from './timer.entity';
import { UserEntity } from './user.entity';

export { ExternalTaskEntity, GroupEntity, GroupMemberEntity, UserEntity, ApiKeyEntity, AuditEntryEntity, SettingEntity, SurveyEntity, SlaClockEntity, DefinitionEntity, EscalationEntity, HistoryEntity, IncidentEntity, MessageSubscriptionEntity, ProcessInstanceEntity, TaskEntity, TaskFilterEntity, TimerEntity, TechnicianProfileEntity, RequestCommentEntity, RequestAttachmentEntity };
export const entities = [UserEntity, ApiKeyEntity, AuditEntryEntity, SettingEntity, DefinitionEntity, ProcessInstanceEntity, TaskEntity, TimerEntity, MessageSubscriptionEntity, HistoryEntity, IncidentEntity, EscalationEntity, SlaClockEntity, SurveyEntity, ExternalTaskEntity, GroupEntity, GroupMemberEntity, TechnicianProfileEntity, RequestCommentEntity, RequestAttachmentEntity, TaskFilterEntity];
