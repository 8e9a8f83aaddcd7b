// The modeler opens each of the 21 BPMN MIWG reference models through its Open-file input, in one Chromium page:
// no import error, warnings counted and reported, and every diagram element of the file drawn on the canvas.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import type { Page } from 'playwright-core';
import { errorsOf, saveScreenshot, startBrowserApp, type BrowserApp } from '../support/browser';

const MIWG_DIR = resolve(__dirname, '../../../shared/conformance/miwg-reference');
const FILES = readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort();

/** The ids of the model elements the file's first diagram draws (bpmn-js opens the first BPMNDiagram). */
function drawnIds(xml: string): string[] {
  const firstDiagram = xml.split(/<\/(?:\w+:)?BPMNDiagram>/)[0];
  return [...new Set([...firstDiagram.matchAll(/<(?:\w+:)?BPMN(?:Shape|Edge)\b[^>]*\bbpmnElement="([^"]+)"/g)].map((m) => m[1]))];
}

/**
 * Elements of processes that no participant of the first diagram's collaboration references: bpmn-js draws such
 * free-floating processes only when they have lanes (BpmnTreeWalker.handleUnhandledProcesses), so they stay off canvas.
 */
async function freeFloatingIds(xml: string): Promise<Set<string>> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const plane = rootElement.diagrams?.[0]?.plane?.bpmnElement;
  const ids = new Set<string>();
  if (plane?.$type !== 'bpmn:Collaboration') return ids;
  const referenced = new Set((plane.participants ?? []).map((p: any) => p.processRef));
  const collect = (container: any) => {
    for (const el of [...(container.flowElements ?? []), ...(container.artifacts ?? [])]) {
      ids.add(el.id);
      collect(el);
    }
  };
  for (const process of rootElement.rootElements.filter((e: any) => e.$type === 'bpmn:Process' && !referenced.has(e) && !e.laneSets?.length)) collect(process);
  return ids;
}

describe('modeler with the MIWG reference models', () => {
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp({ env: { DEPLOY_ON_BOOT: 'false' } });
    page = await app.newPage({ locale: 'en', name: 'ana', role: 'analyst' });
  });
  afterAll(() => app.close());

  it('has the 21 reference models to open', () => {
    expect(FILES).toHaveLength(21);
  });

  it('opens every reference model without an import error and draws its elements', async () => {
    // given
    await page.goto('/modeler/new');
    await page.getByTestId('new-diagram').waitFor();
    const report: { file: string; state: string; elements: number; warnings: number; missing: string[]; floating: number; warningTexts: string[] }[] = [];
    for (const file of FILES) {
      // when
      await page.getByTestId('open-file').setInputFiles(join(MIWG_DIR, file));
      const status = page.locator(`[data-testid="import-status"][data-label="${file}"]:is([data-state="done"], [data-state="failed"])`);
      // Camunda 7 / 8 and Activiti models are offered a conversion first; this test opens each file as it is.
      await status.or(page.getByTestId('import-dialog')).first().waitFor();
      if (await page.getByTestId('import-dialog').isVisible()) await page.getByTestId('import-as-is').click();
      await status.waitFor();
      // then
      const xml = readFileSync(join(MIWG_DIR, file), 'utf8');
      const floating = await freeFloatingIds(xml);
      const ids = drawnIds(xml);
      const onCanvas = new Set(await page.locator('[data-testid="canvas"] g.djs-element[data-element-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id'))));
      report.push({
        file,
        state: (await status.getAttribute('data-state')) ?? '',
        elements: Number(await status.getAttribute('data-elements')),
        warnings: Number(await status.getAttribute('data-warnings')),
        missing: ids.filter((id) => !onCanvas.has(id) && !floating.has(id)),
        floating: ids.filter((id) => floating.has(id)).length,
        warningTexts: await page.locator('[data-testid="import-warnings"] li').evaluateAll((els) => els.map((e) => e.textContent ?? '')),
      });
      if (file === 'C.4.0.bpmn' || file === 'B.2.0.bpmn') await saveScreenshot(page, `modeler-miwg-${file.replace('.bpmn', '')}`);
    }
    // Reported, not hidden: how many warnings each model gave (allowed) and what was drawn.
    console.log(
      report
        .map((r) => `${r.file}: ${r.state}, ${r.elements} elements drawn, ${r.warnings} import warnings${r.warnings ? ` (${[...new Set(r.warningTexts)].join('; ')})` : ''}${r.floating ? `, ${r.floating} elements of a process outside the collaboration not drawn` : ''}`)
        .join('\n'),
    );
    expect(report.filter((r) => r.state !== 'done')).toEqual([]);
    expect(report.filter((r) => r.missing.length > 0)).toEqual([]);
    for (const r of report) expect(r.elements).toBeGreaterThan(1);
    expect(errorsOf(page)).toEqual([]);
  });
});
