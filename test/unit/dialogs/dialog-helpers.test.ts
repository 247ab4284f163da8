/**
 * The pure parts of the writer's dialogs: the day and time typed in the publish dialog name the
 * instant the core then writes (same file-name day and `date:` in the site's zone, DST included,
 * impossible days refused), and an inserted image gets exactly the blank lines it lacks.
 */
import { describe, expect, it } from 'vitest';
import { epochOfWallTime, publishedAs, wallTimeFields } from '../../../renderer/dialogs/publish-date';
import { paragraphAround } from '../../../renderer/manage/image-paragraph';
import { siteDate } from '../../../electron/core/lifecycle/post-lifecycle';

describe('publish date fields', () => {
  it('a typed day and time in the site zone round-trips, and the dialog shows what the core writes', () => {
    for (const [day, time, tz, date] of [
      ['2027-01-01', '00:30', 'Europe/Berlin', '2027-01-01 00:30:00 +0100'],
      ['2026-07-04', '23:59', 'Europe/Berlin', '2026-07-04 23:59:00 +0200'],
      ['2026-03-29', '03:15', 'Europe/Berlin', '2026-03-29 03:15:00 +0200'],
      ['2026-12-31', '18:00', 'America/New_York', '2026-12-31 18:00:00 -0500'],
      ['2026-06-01', '09:05', 'Asia/Kolkata', '2026-06-01 09:05:00 +0530'],
    ] as const) {
      const at = epochOfWallTime(day, time, tz)!;
      expect(publishedAs(at, tz)).toEqual({ day, date });
      expect(siteDate(at, tz)).toEqual({ day, time: date });
      expect(wallTimeFields(at, tz)).toEqual({ day, time });
    }
  });

  it('refuses what names no moment', () => {
    expect(epochOfWallTime('2026-02-30', '10:00', 'UTC')).toBeNull();
    expect(epochOfWallTime('2026-13-01', '10:00', 'UTC')).toBeNull();
    expect(epochOfWallTime('2026-01-01', '24:00', 'UTC')).toBeNull();
    expect(epochOfWallTime('01/02/2026', '10:00', 'UTC')).toBeNull();
    expect(epochOfWallTime('2026-01-01', '9.30', 'UTC')).toBeNull();
    expect(epochOfWallTime('2028-02-29', '9:30', 'UTC')).toBe(Date.parse('2028-02-29T09:30:00Z'));
  });
});

describe('an inserted image stands in its own paragraph', () => {
  const put = (doc: string, pos: number) => {
    const c = paragraphAround(doc, pos, '![a](/x.png)');
    return doc.slice(0, c.from) + c.insert + doc.slice(c.to);
  };
  it('adds only the missing newlines and drops the spaces at a split', () => {
    expect(put('', 0)).toBe('![a](/x.png)\n');
    expect(put('One.\n\nTwo.\n', 6)).toBe('One.\n\n![a](/x.png)\n\nTwo.\n');
    expect(put('One.\nTwo.', 4)).toBe('One.\n\n![a](/x.png)\n\nTwo.');
    expect(put('Split here please.', 11)).toBe('Split here\n\n![a](/x.png)\n\nplease.');
    expect(put('End.', 4)).toBe('End.\n\n![a](/x.png)\n');
    expect(put('End.\n', 5)).toBe('End.\n\n![a](/x.png)\n');
  });
});
