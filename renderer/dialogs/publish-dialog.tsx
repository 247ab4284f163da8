/**
 * Publish asks for the date: now, or a chosen date and time in the site's time zone. It shows the
 * file name and `date:` exactly as they will be written, and says when Jekyll will hide the post
 * (a future date without `future: true`), so nobody wonders why a published post is missing.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { wallTimeToEpoch, zonedParts } from '../../shared/jekyll/ruby-time';
import { dialogs } from './dialog-store';
import { returnFocus } from './return-focus';
import './dialogs.css';

export interface PublishSite {
  /** `timezone:` of `_config.yml`, or null for the machine's zone (as Jekyll does). */
  timezone: string | null;
  /** `future: true` in `_config.yml`: Jekyll builds future posts too. */
  future: boolean;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY-MM-DD` and `HH:MM` of an instant in the site's zone, for the two fields. */
export function wallTimeFields(epochMs: number, tz: string | null): { day: string; time: string } {
  const p = zonedParts(epochMs, tz);
  return { day: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/**
 * The instant a typed day (`YYYY-MM-DD`) and time (`HH:MM`, optional `:SS`) name in the site's
 * zone, or null when they do not read or name no real day (Feb 30).
 */
export function epochOfWallTime(day: string, time: string, tz: string | null): number | null {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(day);
  const t = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, dd] = d.slice(1).map(Number);
  const [h, mi, sec] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (mo < 1 || mo > 12 || dd < 1 || h > 23 || mi > 59 || sec > 59) return null;
  if (dd > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return wallTimeToEpoch(y, mo, dd, h, mi, sec, 0, tz);
}

/** The `date:` value and file-name day publish writes for an instant (same rule as the core). */
export function publishedAs(epochMs: number, tz: string | null): { day: string; date: string } {
  const p = zonedParts(epochMs, tz);
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const off = p.offsetMinutes;
  const zone = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return { day, date: `${day} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${zone}` };
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
    <Dialog.Root open onOpenChange={(open) => !open && onClose(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content
          className="dlg"
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            nowButton.current?.focus();
          }}
          onCloseAutoFocus={(e) => returnFocus(e, opener)}
        >
          <Dialog.Title className="dlg-title">Publish</Dialog.Title>
          <Dialog.Description className="dlg-description">
            The draft moves to _posts/ under a dated name, and its front matter gets the same date{site.timezone ? ` (times in the site's zone, ${site.timezone})` : ''}.
          </Dialog.Description>
          <form className="dlg-form" onSubmit={submit} noValidate>
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
            <div className="dlg-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary">
                Publish
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Asks when to publish; the chosen instant (epoch ms), or null when cancelled. */
export function askPublishDate(slug: string, site: PublishSite): Promise<number | null> {
  const now = Date.now();
  return dialogs.show<number>((close, opener) => <PublishDialog slug={slug} site={site} now={now} opener={opener} onClose={close} />);
}
