/**
 * Tags and categories of the whole blog: counts, the posts using each, near-duplicates, and
 * rename / merge / delete with a preview of every file and line before anything is written. A filter
 * box narrows a long list by name.
 */
import { useEffect, useState } from 'react';
import type { TaxonomyView, TermChangeRequest } from '../../shared/api/contract';
import { api } from '../app/api';
import '../find/find.css';

type Kind = 'tag' | 'category';
type Preview = { request: TermChangeRequest; files: { path: string; lines: { line: number; before: string; after: string }[] }[] };

interface Props {
  /** A batch was written; `undoId` names it for the Undo button. */
  onApplied(label: string, undoId: string): void;
  onOpenPost(path: string): void;
}

export function TaxonomyPanel({ onApplied, onOpenPost }: Props) {
  const [view, setView] = useState<TaxonomyView | null>(null);
  const [kind, setKind] = useState<Kind>('tag');
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [commit, setCommit] = useState(false);
  const [isRepo, setIsRepo] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void api.gitStatus().then((s) => setIsRepo(s.isRepo), () => setIsRepo(false));
    return api.on('batch-progress', setProgress);
  }, []);

  const load = () => void api.getTaxonomy().then(setView, (e) => setError((e as Error).message));
  useEffect(load, []);

  const allTerms = view ? (kind === 'tag' ? view.tags : view.categories) : [];
  const needle = filter.trim().toLowerCase();
  // Selected names stay listed while filtering, so a merge can gather names found by several filters.
  const terms = needle ? allTerms.filter((t) => t.name.toLowerCase().includes(needle) || selected.includes(t.name)) : allTerms;
  const dupes = new Set((view?.nearDuplicates ?? []).filter((d) => d.kind === kind).flatMap((d) => d.names));
  const toggle = (name: string) => setSelected((s) => (s.includes(name) ? s.filter((x) => x !== name) : [...s, name]));

  const ask = async (request: TermChangeRequest) => {
    setError('');
    try {
      setPreview({ request, ...(await api.previewTermChange(request)) });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await api.applyTermChange({ ...preview.request, ...(commit ? { commit: true } : {}) });
      onApplied(`${r.label}: ${r.written} file${r.written === 1 ? '' : 's'} changed${r.conflicts.length ? `, ${r.conflicts.length} skipped (changed meanwhile)` : ''}${r.committed ? ', committed to git' : ''}`, r.undoId);
      setPreview(null);
      setSelected([]);
      setTarget('');
      load();
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <section className="manage" aria-label="Tags and categories">
      <header className="manage-head">
        <div role="tablist" aria-label="Kind">
          {(['tag', 'category'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} onClick={() => (setKind(k), setSelected([]), setPreview(null))}>
              {k === 'tag' ? `Tags (${view?.tags.length ?? '…'})` : `Categories (${view?.categories.length ?? '…'})`}
            </button>
          ))}
        </div>
        <input aria-label="New name" placeholder="new name" value={target} onChange={(e) => setTarget(e.target.value)} />
        <button type="button" disabled={selected.length !== 1 || !target.trim()} onClick={() => void ask({ op: 'rename', kind, names: selected, to: target })}>
          Rename
        </button>
        <button type="button" disabled={selected.length < 2 || !target.trim()} onClick={() => void ask({ op: 'merge', kind, names: selected, to: target })}>
          Merge into name
        </button>
        <button type="button" disabled={selected.length !== 1} onClick={() => void ask({ op: 'delete', kind, names: selected })}>
          Delete from all posts
        </button>
      </header>
      {error && <div className="bar error" role="alert">{error}</div>}
      {preview && (
        <div className="term-preview" role="region" aria-label="Changes to apply">
          <strong>
            {preview.files.length} file{preview.files.length === 1 ? '' : 's'} will change
          </strong>
          {isRepo && (
            <label className="inline">
              <input type="checkbox" checked={commit} onChange={(e) => setCommit(e.target.checked)} /> commit to git
            </label>
          )}
          <button type="button" disabled={busy || preview.files.length === 0} onClick={() => void apply()}>
            {busy && progress ? `Applying… ${progress.done}/${progress.total}` : 'Apply'}
          </button>
          <button type="button" onClick={() => setPreview(null)}>
            Cancel
          </button>
          <ul>
            {preview.files.map((f) =>
              f.lines.map((l) => (
                <li key={`${f.path}:${l.line}`}>
                  <code>
                    {f.path}:{l.line}
                  </code>{' '}
                  <del>{l.before.trim()}</del> → <ins>{l.after.trim() || '(line removed)'}</ins>
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      <div className="term-list-filter">
        <input
          type="search"
          aria-label={kind === 'tag' ? 'Filter tags' : 'Filter categories'}
          placeholder={kind === 'tag' ? 'Filter tags…' : 'Filter categories…'}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="term-count" aria-live="polite">
          {needle ? `${terms.length} of ${allTerms.length}` : ''}
        </span>
      </div>
      <ul className="term-list" aria-label={kind === 'tag' ? 'Tags' : 'Categories'}>
        {terms.map((t) => (
          <li key={t.name} className={dupes.has(t.name) ? 'near-dup' : ''}>
            <label>
              <input type="checkbox" checked={selected.includes(t.name)} onChange={() => toggle(t.name)} />
              <span className="term-name">{t.name}</span>
              <span className="term-count">{t.count}</span>
              {dupes.has(t.name) && <span className="badge warn" title="Looks like another name written differently">similar</span>}
            </label>
            <details>
              <summary>posts</summary>
              <ul>
                {t.posts.slice(0, 50).map((p) => (
                  <li key={p}>
                    <button type="button" className="link" onClick={() => onOpenPost(p)}>
                      {p}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
