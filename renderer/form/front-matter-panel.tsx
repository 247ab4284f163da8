/**
 * The front-matter panel above the editor: the form built from the schema, or the raw YAML.
 */
import type { EditResult } from '../../shared/front-matter/edit-front-matter';
import type { SiteSchema } from '../../shared/site/schema';
import { FrontMatterForm, type FormEnv } from './front-matter-form';

interface Props {
  yaml: string;
  schema: SiteSchema | null;
  tab: 'form' | 'yaml';
  onTab(tab: 'form' | 'yaml'): void;
  env: FormEnv;
  onEdit(edit: (text: string) => EditResult): string | null;
  onYamlChange(yaml: string): void;
}

export function FrontMatterPanel({ yaml, schema, tab, onTab, env, onEdit, onYamlChange }: Props) {
  return (
    <details className="front-matter" open>
      <summary>Front matter</summary>
      <div className="fm-tabs" role="tablist" aria-label="Front matter view">
        <button type="button" role="tab" aria-selected={tab === 'form'} onClick={() => onTab('form')}>
          Form
        </button>
        <button type="button" role="tab" aria-selected={tab === 'yaml'} onClick={() => onTab('yaml')}>
          YAML
        </button>
      </div>
      {tab === 'form' && schema ? (
        <FrontMatterForm schema={schema} yaml={yaml} env={env} onEdit={onEdit} />
      ) : (
        <textarea
          aria-label="Front matter"
          spellCheck={false}
          value={yaml}
          rows={Math.min(14, Math.max(3, yaml.split('\n').length))}
          onChange={(e) => onYamlChange(e.target.value)}
        />
      )}
    </details>
  );
}
