// The engine: runner, live-engine cache and service-task registry (the only module that touches bpmn-engine).
import { Global, Module } from '@nestjs/common';
import { EngineCache } from './engine-cache';
import { EngineHandoff } from './engine-handoff';
import { ProcessRunner } from './process-runner';
import { ServiceRegistry } from './service-registry';

@Global()
@Module({ providers: [ProcessRunner, ServiceRegistry, EngineCache, EngineHandoff], exports: [ProcessRunner, ServiceRegistry, EngineCache, EngineHandoff] })
export class EngineModule {}
