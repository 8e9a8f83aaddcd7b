// The engine: runner and service-task registry (the only module that touches bpmn-engine).
import { Global, Module } from '@nestjs/common';
import { ProcessRunner } from './process-runner';
import { ServiceRegistry } from './service-registry';

@Global()
@Module({ providers: [ProcessRunner, ServiceRegistry], exports: [ProcessRunner, ServiceRegistry] })
export class EngineModule {}
