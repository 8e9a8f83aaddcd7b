// Whether a worker may act on an external task (complete, failure, BPMN error): it must be open and locked by that
// worker. A lock that expired but was not taken by anyone else still counts, as in Camunda.
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ExternalTaskEntity } from '../database/entities/external-task.entity';

export function heldBy({ task, id, workerId }: { task: ExternalTaskEntity | null; id: string; workerId: string }): ExternalTaskEntity {
  if (!task) throw DomainError.notFound('External task', id);
  if (task.state !== 'open') throw new DomainError(ErrorCode.Conflict, `external task ${id} is already ${task.state}: nothing was changed`);
  if (task.workerId === null) {
    throw new DomainError(ErrorCode.Conflict, `external task ${id} is not locked by worker "${workerId}" (it is not locked at all: its lock was released); fetch and lock it again`);
  }
  if (task.workerId !== workerId) {
    throw new DomainError(ErrorCode.Conflict, `external task ${id} is locked by worker "${task.workerId}", not by "${workerId}" (your lock expired and another worker fetched it); nothing was changed`);
  }
  return task;
}
