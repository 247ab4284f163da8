/**
 * The Problems panel: what `postwright check` finds, per post and for the site. Clicking a
 * problem opens the post at its line or field.
 */
import type { Problem } from '../../shared/site/check-rules';
import { NoProblems } from '../welcome/empty-states';

interface Props {
  problems: Problem[] | null;
  onOpen(problem: Problem): void;
  onRefresh(): void;
}

export function ProblemsPanel({ problems, onOpen, onRefresh }: Props) {
  return (
    <section className="problems" aria-label="Problems">
      <header>
        <strong>Problems</strong>
        <span>{problems ? `${problems.filter((p) => p.severity === 'error').length} errors, ${problems.filter((p) => p.severity === 'warning').length} warnings` : 'checking…'}</span>
        <button type="button" onClick={onRefresh}>
          Check again
        </button>
      </header>
      {problems?.length === 0 && <NoProblems />}
      <ul>
        {(problems ?? []).map((p, i) => (
          <li key={`${p.path}-${p.code}-${i}`}>
            <button type="button" className={`problem ${p.severity}`} onClick={() => onOpen(p)}>
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
