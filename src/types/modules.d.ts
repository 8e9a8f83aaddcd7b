// Type stubs for untyped packages we use.
declare module 'bpmn-moddle';
declare module 'camunda-bpmn-moddle/resources/camunda.json';
declare module 'bpmnlint';
declare module 'bpmnlint/lib/resolver/static-resolver';
declare module 'bpmnlint/config/recommended';
declare module 'bpmnlint/rules/*';
