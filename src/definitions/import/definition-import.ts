// Import = convert (Camunda 7 / Flowable → our dialect) then deploy; the preview converts and shows what a deploy
// would do without deploying. Both answer with the conversion report.
import { Injectable } from '@nestjs/common';
import { DefinitionPreview } from '../definition-preview';
import { DefinitionsService } from '../definitions.service';
import type { DefinitionPreviewDto, DeployResultDto } from '../dto/definition.dto';
import type { Conversion } from './conversion';
import { convertDiagram } from './diagram-converter';

@Injectable()
export class DefinitionImport {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly previewer: DefinitionPreview,
  ) {}

  async import(xml: string | undefined, actor: string): Promise<DeployResultDto & { conversions: Conversion[] }> {
    const converted = xml?.trim() ? await convertDiagram(xml) : null;
    const result = await this.definitions.deploy(converted?.xml ?? xml, actor);
    return { ...result, conversions: converted?.conversions ?? [] };
  }

  async preview(xml: string): Promise<{ xml: string; conversions: Conversion[]; preview: DefinitionPreviewDto }> {
    const converted = await convertDiagram(xml);
    const out = converted?.xml ?? xml;
    return { xml: out, conversions: converted?.conversions ?? [], preview: await this.previewer.preview(out) };
  }
}
