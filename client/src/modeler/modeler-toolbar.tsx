// The modeler's toolbar: version picker, new, open file, downloads, simulate, deploy.
import { useI18n } from '../i18n/i18n';
import type { DefinitionSummary } from '../app/types';

interface Props {
  versions: DefinitionSummary[] | undefined;
  version: number | undefined;
  onVersion: (version: number) => void;
  onOpenFile: (file: File) => void;
  onDownloadXml: () => void;
  onDownloadSvg: () => void;
  onDeploy: () => void;
  onSimulate: () => void;
  canExport: boolean;
  /** A simulation compares with a deployed version: the process must have one. */
  canSimulate: boolean;
}

export function ModelerToolbar(p: Props) {
  const { t } = useI18n();
  return (
    <div class="modeler-toolbar" role="toolbar" aria-label={t('modeler.toolbar')}>
      {p.versions && p.versions.length > 0 && (
        <label>
          {t('common.version')}{' '}
          <select data-testid="version-picker" value={String(p.version ?? p.versions[0].version)} onChange={(e) => p.onVersion(Number((e.target as HTMLSelectElement).value))}>
            {p.versions.map((v) => (
              <option key={v.id} value={String(v.version)}>
                {t('modeler.versionOption', { version: v.version, latest: v.version === p.versions![0].version ? t('modeler.latest') : '' })}
              </option>
            ))}
          </select>
        </label>
      )}
      <a class="button" href="/modeler/new">
        {t('modeler.new')}
      </a>
      <label class="button file-button">
        {t('modeler.openFile')}
        <input
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          data-testid="open-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) p.onOpenFile(file);
            input.value = ''; // the same file can be opened again
          }}
        />
      </label>
      <button type="button" class="button" disabled={!p.canExport} onClick={p.onDownloadXml}>
        {t('modeler.downloadXml')}
      </button>
      <button type="button" class="button" disabled={!p.canExport} onClick={p.onDownloadSvg}>
        {t('modeler.downloadSvg')}
      </button>
      <button
        type="button"
        class="button"
        disabled={!p.canExport || !p.canSimulate}
        title={p.canSimulate ? undefined : t('simulation.needsDeployed')}
        onClick={p.onSimulate}
        data-testid="simulate"
      >
        {t('simulation.open')}
      </button>
      <button type="button" class="button primary" disabled={!p.canExport} onClick={p.onDeploy} data-testid="deploy">
        {t('modeler.deploy')}
      </button>
    </div>
  );
}
