// Type stubs for the untyped bpmn-io packages the modeler uses (and the server's bpmnlint imports it bundles).
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform';
declare module 'camunda-bpmn-moddle/resources/camunda.json';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmnlint';
declare module 'bpmnlint/lib/resolver/static-resolver';
declare module 'bpmnlint/config/recommended';
declare module 'bpmnlint/rules/*';
