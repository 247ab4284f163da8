/**
 * The Problems panel: what `postwright check` finds, per post and for the site. Clicking a
 * problem opens the post at its line or field. A blog can have hundreds (every missing image of
 * ten years of posts), so the kinds above the list filter it.
 */
import { useMemo, useState } from 'react';
import type { Problem } from '../../shared/site/check-rules';
import { kindCounts, kindOf } from '../../shared/site/problem-kinds';
import './problems-panel.css';
import { NoProblems } from '../welcome/empty-states';

interface Props {
  problems: Problem[] | null;
  onOpen(problem: Problem): void;
  onRefresh(): void;
}

export function ProblemsPanel({ problems, onOpen, onRefresh }: Props) {
  const [kind, setKind] = useState<string | null>(null);
  const kinds = useMemo(() => kindCounts(problems ?? []), [problems]);
  const shown = useMemo(() => (kind && kinds.some((k) => k.kind.id === kind) ? (problems ?? []).filter((p) => kindOf(p.code).id === kind) : (problems ?? [])), [problems, kinds, kind]);
  const active = kind && kinds.some((k) => k.kind.id === kind) ? kind : null;
  return (
    <section className="problems" aria-label="Problems">
      <header>
        <strong>Problems</strong>
        <span>{problems ? `${problems.filter((p) => p.severity === 'error').length} errors, ${problems.filter((p) => p.severity === 'warning').length} warnings` : 'checking…'}</span>
        {kinds.length > 1 && (
          <div className="problem-kinds" role="group" aria-label="Show problems of kind">
            <button type="button" aria-pressed={active === null} onClick={() => setKind(null)}>
              All
            </button>
            {kinds.map(({ kind: k, count }) => (
              <button key={k.id} type="button" aria-pressed={active === k.id} onClick={() => setKind(active === k.id ? null : k.id)}>
                {k.label} <span className="count">{count}</span>
              </button>
            ))}
          </div>
        )}
        <button type="button" onClick={onRefresh}>
          Check again
        </button>
      </header>
      {problems?.length === 0 && <NoProblems />}
      <ul>
        {shown.map((p, i) => (
          <li key={`${p.path}-${p.code}-${p.line ?? ''}-${i}`}>
            <button type="button" className={`problem ${p.severity}`} onClick={() => onOpen(p)} title={p.line ? `Open ${p.path} at line ${p.line}` : `Open ${p.path}`}>
              <span className="sev">{p.severity}</span>
              <span className="where">
                {p.path}
                {p.line ? `:${p.line}` : ''}
              </span>
              <span className="what">{p.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
