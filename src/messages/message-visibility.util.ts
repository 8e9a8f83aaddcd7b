// Which messages integrators may send through POST /api/messages: the diagram says so on the bpmn:message
// (camunda:property public = true | false); unmarked messages are public (as in Camunda's REST API), except the
// ones the platform itself correlates (the survey answer), which only the platform may send whatever a diagram says.
import type { ElementInfo } from '../engine/definition-model';
import { SURVEY_ANSWER_MESSAGE } from '../surveys/survey-dimensions';

/** Messages raised by our own endpoints and relays, never by integrators. */
export const PLATFORM_MESSAGES: readonly string[] = [SURVEY_ANSWER_MESSAGE];

export function isPublicMessage({ messageName, element }: { messageName: string; element: ElementInfo | undefined }): boolean {
  if (PLATFORM_MESSAGES.includes(messageName)) return false;
  return element?.messagePublic !== false;
}
