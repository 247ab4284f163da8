/**
 * Publish asks for the date: now, or a chosen date and time in the site's time zone. It shows the
 * file name and `date:` exactly as they will be written, and says when Jekyll will hide the post
 * (a future date without `future: true`), so nobody wonders why a published post is missing.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { epochOfWallTime, publishedAs, wallTimeFields } from './publish-date';
import { dialogs } from './dialog-store';
import { FormDialog } from './form-dialog';
import './dialogs.css';

export interface PublishSite {
  /** `timezone:` of `_config.yml`, or null for the machine's zone (as Jekyll does). */
  timezone: string | null;
  /** `future: true` in `_config.yml`: Jekyll builds future posts too. */
  future: boolean;
}

interface Props {
  slug: string;
  site: PublishSite;
  now: number;
  opener: Element | null;
  onClose(at: number | null): void;
}

export function PublishDialog({ slug, site, now, opener, onClose }: Props) {
  const [when, setWhen] = useState<'now' | 'chosen'>('now');
  const [day, setDay] = useState(() => wallTimeFields(now, site.timezone).day);
  const [time, setTime] = useState(() => wallTimeFields(now, site.timezone).time);
  const nowButton = useRef<HTMLInputElement>(null);
  const dateField = useRef<HTMLInputElement>(null);
  const dayId = useId();
  const timeId = useId();
  const noteId = useId();
  const chosen = when === 'chosen' ? epochOfWallTime(day, time, site.timezone) : now;
  const shown = useMemo(() => (chosen === null ? null : publishedAs(chosen, site.timezone)), [chosen, site.timezone]);
  const future = chosen !== null && chosen > Date.now() + 60_000;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen === null) {
      dateField.current?.focus();
      return;
    }
    onClose(when === 'now' ? Date.now() : chosen);
  };

  return (
    <FormDialog
      title="Publish"
      description={`The draft moves to _posts/ under a dated name, and its front matter gets the same date${site.timezone ? ` (times in the site's zone, ${site.timezone})` : ''}.`}
      focus={nowButton}
      opener={opener}
      onCancel={() => onClose(null)}
      onSubmit={submit}
      submitLabel="Publish"
    >
      <fieldset className="dlg-fieldset">
        <legend className="dlg-label">Date</legend>
        <label className="dlg-radio">
          <input ref={nowButton} type="radio" name="when" value="now" checked={when === 'now'} onChange={() => setWhen('now')} /> Now
        </label>
        <label className="dlg-radio">
          <input
            type="radio"
            name="when"
            value="chosen"
            checked={when === 'chosen'}
            onChange={() => {
              setWhen('chosen');
              requestAnimationFrame(() => {
                dateField.current?.focus();
                dateField.current?.select();
              });
            }}
          />{' '}
          On a date and time
        </label>
      </fieldset>
      <div className="dlg-row">
        <label className="dlg-label" htmlFor={dayId}>
          Day (YYYY-MM-DD)
          <input
            ref={dateField}
            id={dayId}
            className="dlg-input"
            value={day}
            inputMode="numeric"
            autoComplete="off"
            disabled={when !== 'chosen'}
            aria-invalid={when === 'chosen' && chosen === null ? true : undefined}
            aria-describedby={noteId}
            onChange={(e) => setDay(e.target.value)}
          />
        </label>
        <label className="dlg-label" htmlFor={timeId}>
          Time (HH:MM)
          <input
            id={timeId}
            className="dlg-input"
            value={time}
            inputMode="numeric"
            autoComplete="off"
            disabled={when !== 'chosen'}
            aria-invalid={when === 'chosen' && chosen === null ? true : undefined}
            aria-describedby={noteId}
            onChange={(e) => setTime(e.target.value)}
          />
        </label>
      </div>
      <div id={noteId} className="dlg-details" aria-live="polite">
        {shown ? (
          <p className="dlg-written">
            File <code>_posts/{shown.day}-{slug}.md</code>, <code>date: {when === 'now' ? 'the moment you publish' : shown.date}</code>
          </p>
        ) : (
          <p className="dlg-error">Type a real day as YYYY-MM-DD and a time as HH:MM.</p>
        )}
        {future && (
          <p className="dlg-note" role="note">
            {site.future
              ? 'This date is in the future; the site has future: true, so Jekyll builds the post now anyway.'
              : 'This date is in the future: Jekyll hides the post until then (unless future: true is set in _config.yml).'}
          </p>
        )}
      </div>
    </FormDialog>
  );
}

/** Asks when to publish; the chosen instant (epoch ms), or null when cancelled. */
export function askPublishDate(slug: string, site: PublishSite): Promise<number | null> {
  const now = Date.now();
  return dialogs.show<number>((close, opener) => <PublishDialog slug={slug} site={site} now={now} opener={opener} onClose={close} />);
}
