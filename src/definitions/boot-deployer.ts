// Deploys processes/*.bpmn when the app boots (idempotent by checksum, safe with several replicas).
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { DefinitionsService } from './definitions.service';

@Injectable()
export class BootDeployer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Definitions');

  constructor(
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEPLOY_ON_BOOT) return;
    const files = (await readdir(this.config.PROCESSES_DIR)).filter((f) => f.endsWith('.bpmn')).sort();
    for (const file of files) {
      const result = await this.definitions.deploy(await readFile(join(this.config.PROCESSES_DIR, file), 'utf8'));
      this.logger.log(`${file}: ${result.key} v${result.version}${result.created ? ' deployed' : ' unchanged'}`);
    }
  }
}
