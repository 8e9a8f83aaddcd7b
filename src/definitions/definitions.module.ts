// Feature: BPMN definitions — deploy check, versions, XML, boot deployment, and the compiled-definition cache.
import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { BootDeployer } from './boot-deployer';
import { DefinitionCache } from './definition-cache';
import { DefinitionCompiler } from './definition-compiler';
import { DefinitionPreview } from './definition-preview';
import { DefinitionImport } from './import/definition-import';
import { DefinitionRepository } from './definition.repository';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsService } from './definitions.service';
import { HandlersController } from './handlers.controller';

@Module({
  imports: [EngineModule],
  controllers: [DefinitionsController, HandlersController],
  providers: [DefinitionRepository, DefinitionCompiler, DefinitionPreview, DefinitionImport, DefinitionCache, DefinitionsService, BootDeployer],
  exports: [DefinitionCache, DefinitionCompiler, DefinitionsService],
})
export class DefinitionsModule {}
