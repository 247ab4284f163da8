/**
 * The front-matter panel above the editor: the form built from the schema, or the raw YAML.
 *
 * The YAML tab keeps its own draft like the form's fields (use-draft.ts), so keys stay where they
 * were typed at any speed. Text that does not read as YAML, or names a key twice, still goes to
 * the buffer (nothing typed is lost) but is shown here with its line and column, and the post is
 * not saved until it reads again (use-post-document.ts).
 */
import { useMemo } from 'react';
import type { EditResult } from '../../shared/front-matter/edit-front-matter';
import type { SiteSchema } from '../../shared/site/schema';
import { describeYamlProblem, yamlProblem } from '../editor/front-matter-check';
import { FrontMatterForm, type FormEnv } from './front-matter-form';
import { useDraft } from './use-draft';

interface Props {
  yaml: string;
  schema: SiteSchema | null;
  tab: 'form' | 'yaml';
  onTab(tab: 'form' | 'yaml'): void;
  env: FormEnv;
  onEdit(edit: (text: string) => EditResult): string | null;
  onYamlChange(yaml: string): void;
  /** Changes when the post is (re)loaded: drafts typed before are dropped. */
  generation?: number;
  /** Open or folded to its summary line (the side column then gives the preview the room). */
  open?: boolean;
  onOpenChange?(open: boolean): void;
}

export function FrontMatterPanel({ yaml, schema, tab, onTab, env, onEdit, onYamlChange, generation = 0, open = true, onOpenChange }: Props) {
  return (
    <details className="front-matter" open={open} onToggle={(e) => onOpenChange?.((e.currentTarget as HTMLDetailsElement).open)}>
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
        <FrontMatterForm key={generation} schema={schema} yaml={yaml} env={env} onEdit={onEdit} />
      ) : (
        <YamlTab key={generation} yaml={yaml} onChange={onYamlChange} />
      )}
    </details>
  );
}

function YamlTab({ yaml, onChange }: { yaml: string; onChange(yaml: string): void }) {
  const draft = useDraft(yaml, onChange);
  const problem = useMemo(() => yamlProblem(draft.text), [draft.text]);
  return (
    <>
      <textarea
        aria-label="Front matter"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'fm-yaml-problem' : undefined}
        rows={Math.min(14, Math.max(3, draft.text.split('\n').length))}
        {...draft.bind}
      />
      {problem && (
        <div className="form-error" id="fm-yaml-problem" role="alert">
          {describeYamlProblem(problem)}. Not saved until this is fixed.
        </div>
      )}
    </>
  );
}
