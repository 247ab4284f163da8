/**
 * One look for "nothing here": no post chosen, an empty list, a search without results, no
 * problems. An icon, a sentence that says why, and the next step as a button where there is one,
 * so an empty area never looks broken.
 */
import type { ReactNode } from 'react';
import './welcome.css';

interface Props {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  /** The next step, e.g. a "New post" button. */
  action?: ReactNode;
  /** Smaller, for narrow panels and lists. */
  compact?: boolean;
  /** Announce changes (a search turning up nothing). */
  live?: boolean;
}

export function EmptyState({ icon, title, children, action, compact = false, live = false }: Props) {
  return (
    <div className={`empty-state${compact ? ' compact' : ''}`} role={live ? 'status' : undefined}>
      <span className="empty-state-icon" aria-hidden>
        {icon}
      </span>
      <p className="empty-state-title">{title}</p>
      {children && <p className="empty-state-text">{children}</p>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
