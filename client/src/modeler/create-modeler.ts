// Builds the bpmn-js Modeler: Camunda moddle + behaviors, properties panel with our dialect, bpmnlint, translations.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import lintModule from 'bpmn-js-bpmnlint';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import type { Locale } from '../i18n/define';
import { modelerLintConfig } from './lint/modeler-lint';
import { ServiceFlowPropertiesModule } from './properties/service-flow-provider';
import { translateModule } from './translate/custom-translate';

export interface ServerKnowledge {
  handlers: { name: string; description?: string }[];
  policies: { id: string; name: string }[];
  /** Business calendars a timer may count on (GET /api/sla/calendars). */
  calendars?: { id: string; name: string }[];
  /** Candidate groups; absent when the server would not list them. */
  groups?: { id: string; name: string }[];
}

export function createModeler({ canvas, panel, locale, known }: { canvas: HTMLElement; panel: HTMLElement; locale: Locale; known: ServerKnowledge }): BpmnModeler {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    linting: { active: true, bpmnlint: modelerLintConfig({ handlers: known.handlers.map((h) => h.name), policies: known.policies.map((p) => p.id), calendars: known.calendars?.map((c) => c.id), groups: known.groups?.map((g) => g.id) }) },
    serviceFlow: known,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      lintModule,
      ServiceFlowPropertiesModule,
      translateModule(locale),
    ],
    moddleExtensions: { camunda: camundaModdle },
  } as any);
}
