// What the host needs to know of a definition, read once from the moddle tree: tasks, forms, handlers, messages, timers.
import type { CallInfo } from './call-activity-reader';
import type { EventCode } from './event-codes';

// decimal and duration are our custom Camunda 7 form field types (Camunda allows registering more types).
export type FormFieldType = 'string' | 'long' | 'decimal' | 'boolean' | 'date' | 'duration' | 'enum';

export interface FormField {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: { id: string; name: string; names?: Record<string, string> }[];
  /** Labels in other languages: camunda:property label.<locale> inside the form field (e.g. label.zh-CN). */
  labels?: Record<string, string>;
  defaultValue?: string;
  min?: number;
  max?: number;
  minlength?: number;
  maxlength?: number;
  /** The field names a person: an active user with this role or group (camunda:property id="person"). */
  person?: string;
  /** camunda:constraint readonly: shows an earlier variable; never taken from a submission. */
  readonly?: boolean;
  /** camunda:constraint pattern (config = a regular expression the whole text must match). */
  pattern?: string;
}

export interface ElementInfo {
  id: string;
  type: string;
  name: string;
  /** The name in other languages: camunda:property name.<locale> (e.g. name.zh-CN) on the element. */
  names?: Record<string, string>;
  /** camunda:candidateGroups: groups (our roles are the built-in ones) whose members may work the task. */
  candidateRoles?: string[];
  /** camunda:candidateUsers: usernames who may work the task besides the groups. */
  candidateUsers?: string[];
  assignee?: string;
  form?: FormField[];
  topic?: string;
  /** camunda:taskPriority of an external service task (a literal integer): fetch-and-lock with usePriority takes higher first. */
  taskPriority?: number;
  inputs?: Record<string, string>;
  messageName?: string;
  messageId?: string;
  /** camunda:property public = true on the bpmn:message: integrators may send it (POST /api/messages); false = internal. */
  messagePublic?: boolean;
  /** A signal catch: the bpmn:signal's name (what integrators broadcast) and id (what the engine listens for). */
  signalName?: string;
  signalId?: string;
  timer?: { type: 'timeDuration' | 'timeDate' | 'timeCycle'; expression: string };
  /** camunda:property calendar = a business calendar id: the timer counts working time on it. */
  timerCalendar?: string;
  /** camunda:property pauseWith = an SLA policy id: the timer stops while that policy's clocks pause (and uses its calendar). */
  timerPauseWith?: string;
  /** camunda:property sla = an SLA policy id: the clock runs from here (start event: the whole instance; user task: the task). */
  slaPolicy?: string;
  /** camunda:property slaPause = true: SLA clocks pause while the instance waits here (customer, spare parts). */
  slaPause?: boolean;
  /** camunda:property slaStop = true: reaching this activity meets the instance's process-level SLA (resolution). */
  slaStop?: boolean;
  /** multiInstanceLoopCharacteristics: each iteration waits on its own; the element variable holds its item. */
  multiInstance?: { sequential: boolean; elementVariable?: string };
  /** The subprocess this element is in (none at the process level). */
  parentId?: string;
  /** A boundary event: the activity it is attached to. */
  attachedTo?: string;
  /** A conditional event (catch, boundary or event-subprocess start): its FEEL condition, re-evaluated after each command. */
  condition?: string;
  /** The timer, message, signal or conditional start event of an event subprocess: the host arms it while its scope runs. */
  eventStart?: { subprocessId: string; interrupting: boolean };
  /** A call activity: the callee and the variable mappings. */
  call?: CallInfo;
  /** An error or escalation event: its code (boundaries on call activities catch a child's by it). */
  event?: EventCode;
  /** A boundary event with cancelActivity="false". */
  nonInterrupting?: boolean;
  /** An event subprocess. */
  triggeredByEvent?: boolean;
  /** camunda:initiator on a start event: the variable that gets the starting user's (or API key's) name. */
  initiator?: string;
}

export interface DefinitionModel {
  processId: string;
  processName: string;
  /** The process name in other languages: camunda:property name.<locale> on the bpmn:process. */
  processNames?: Record<string, string>;
  startForm: FormField[];
  /** Timer start events of the process: the host schedules them (the engine sees them as due at once). */
  startTimers: { activityId: string; timer: NonNullable<ElementInfo['timer']> }[];
  elements: Record<string, ElementInfo>;
}

export const ROLES = ['agent', 'technician', 'supervisor', 'manager'] as const;
export const FIELD_TYPES: FormFieldType[] = ['string', 'long', 'decimal', 'boolean', 'date', 'duration', 'enum'];
