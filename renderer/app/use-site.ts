/**
 * The open site, its posts and the preview context, kept current from core events.
 *
 * Each site that opens (here, or announced by `site-opened`) bumps `generation`: the app clears
 * everything that belonged to the previous site (post, buffer, undo, conflicts, notices) on it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, PreviewContext, SiteSummary } from '../../shared/api/contract';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { api } from './api';

const WELCOME_DISMISSED = 'postwright.welcome-dismissed';

/**
 * Everything the first screen needs, asked at once as the page starts rather than one request
 * after another (four round trips before the post list was even asked for). Without an open
 * site the post list fails with no-site; the site's own switch asks again then.
 */
function bootRequests() {
  const posts = api.listPosts();
  posts.catch(() => undefined);
  return { info: api.getAppInfo(), recent: api.recentSites().catch(() => null), site: api.getSite(), posts };
}

let started: ReturnType<typeof bootRequests> | null = null;

/** Sends the boot requests now (the entry point calls this before React's first render). */
export function startBootRequests(): void {
  started ??= bootRequests();
}

/** The boot requests already sent, once, else new ones. */
function takeBootRequests(): ReturnType<typeof bootRequests> {
  const boot = started ?? bootRequests();
  started = null;
  return boot;
}

function welcomeDismissed(): boolean {
  try {
    return localStorage.getItem(WELCOME_DISMISSED) === '1';
  } catch {
    return false;
  }
}

export function useSite() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [site, setSite] = useState<SiteSummary | null>(null);
  const [posts, setPosts] = useState<PostRecord[]>([]);
  const [context, setContext] = useState<PreviewContext | null>(null);
  const [error, setError] = useState<string>('');
  /** True once the first attempt to show a site is over (a welcome screen may then show). */
  const [ready, setReady] = useState(false);
  /** The folder being opened, for an "Opening…" indicator. */
  const [opening, setOpening] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  /** The generation whose post list has arrived: site-wide passes (schema, check) start after it. */
  const [listedGeneration, setListedGeneration] = useState(-1);
  const currentGeneration = useRef(0);
  const [recent, setRecent] = useState<string[]>([]);
  /** The sample blog on a first start: the welcome screen shows until dismissed. */
  const [firstStart, setFirstStart] = useState(false);
  /** Our own opens in flight, and the echo (`site-opened`) still expected for the last one: not a second switch. */
  const pending = useRef(0);
  const seenWhilePending = useRef<string[]>([]);
  const echo = useRef<{ root: string; at: number } | null>(null);
  /** The recent list before the first site showed (a first start has none but the sample). */
  const bootRecent = useRef<string[] | null>(null);
  const seenSite = useRef(false);
  /** Ends the wait for the desktop main process's own first open. */
  const firstSiteShown = useRef<(() => void) | null>(null);

  const reload = useCallback(async () => {
    const [summary, list, ctx] = await Promise.all([api.getSite(), api.listPosts(), api.getPreviewContext()]);
    setSite(summary);
    setPosts(list);
    setContext(ctx);
  }, []);

  const refreshRecent = useCallback(async (asked?: Promise<string[] | null>) => {
    const list = await (asked ?? api.recentSites().catch(() => null));
    if (list) setRecent(list);
    return list ?? [];
  }, []);

  /**
   * Drops the previous site's posts and context at once, so nothing of it is shown with the new one.
   * `asked`: the post list already requested for this site (the page's boot requests).
   */
  const switchTo = useCallback(
    (summary: SiteSummary, asked?: Promise<PostRecord[]>) => {
      if (!seenSite.current && bootRecent.current) {
        seenSite.current = true;
        setFirstStart(summary.isSample && bootRecent.current.every((r) => r === summary.root) && !welcomeDismissed());
      }
      firstSiteShown.current?.();
      setSite(summary);
      setPosts([]);
      setContext(null);
      setError('');
      const mine = ++currentGeneration.current;
      setGeneration(mine);
      // The summary is the one just given: only the lists are asked for (once). The preview
      // context (the posts again, with includes) is asked for once the list is in, so the two
      // large answers do not share the way while the list is what a person waits for.
      const stale = () => currentGeneration.current !== mine;
      void (asked ? asked.catch(() => api.listPosts()) : api.listPosts())
        .then(async (list) => {
          if (stale()) return;
          setPosts(list);
          setListedGeneration(mine);
          const ctx = await api.getPreviewContext();
          if (!stale()) setContext(ctx);
        })
        .catch((e) => setError((e as Error).message));
      if (!asked) void refreshRecent();
    },
    [refreshRecent],
  );

  /**
   * Opens a folder (or, without one, the last site or the sample; `'sample'` asks for the sample
   * blog itself); throws the ApiError when refused.
   */
  const openSite = useCallback(
    async (path?: string | 'sample', allowNonJekyll = false): Promise<SiteSummary> => {
      pending.current += 1;
      setOpening(path === 'sample' ? 'the sample blog' : (path ?? 'your last site'));
      try {
        const request = path === 'sample' ? { sample: true } : path ? { path, ...(allowNonJekyll ? { allowNonJekyll: true } : {}) } : {};
        const summary = await api.openSite(request);
        echo.current = seenWhilePending.current.includes(summary.root) ? null : { root: summary.root, at: Date.now() };
        switchTo(summary);
        return summary;
      } finally {
        pending.current -= 1;
        if (pending.current === 0) seenWhilePending.current = [];
        setOpening(null);
      }
    },
    [switchTo],
  );

  useEffect(() => {
    const offs = [
      api.on('posts-reset', () => void reload().catch(() => undefined)),
      api.on('site-opened', (summary) => {
        if (pending.current > 0) {
          seenWhilePending.current.push(summary.root);
          return;
        }
        const expected = echo.current;
        echo.current = null;
        if (expected && expected.root === summary.root && Date.now() - expected.at < 3000) return;
        switchTo(summary);
      }),
      api.on('post-changed', (e) => {
        setPosts((list) => {
          const rest = list.filter((p) => p.path !== e.path);
          return e.record ? [...rest, e.record] : rest;
        });
      }),
    ];
    void (async () => {
      try {
        const boot = takeBootRequests();
        const appInfo = await boot.info;
        setInfo(appInfo);
        bootRecent.current = await refreshRecent(boot.recent);
        const summary = await boot.site;
        if (summary) {
          // Already open (web mode opens before serving): show it as the first site.
          switchTo(summary, boot.posts);
        } else if (appInfo.host !== 'electron' && !seenSite.current) {
          // A browser asks for the last site (or the sample).
          await openSite();
        } else if (!seenSite.current) {
          // The desktop app's main process opens the last site (or --site) itself and announces it
          // with site-opened; opening here as well would race it. Show progress for a moment, then
          // the welcome screen (which the site replaces whenever it arrives).
          setOpening('your site');
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 2000);
            firstSiteShown.current = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          firstSiteShown.current = null;
          setOpening((o) => (o === 'your site' ? null : o));
        }
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setReady(true);
      }
    })();
    return () => offs.forEach((off) => off());
  }, [reload, refreshRecent, openSite, switchTo]);

  const dismissWelcome = useCallback(() => {
    setFirstStart(false);
    try {
      localStorage.setItem(WELCOME_DISMISSED, '1');
    } catch {
      // A browser without storage shows the welcome again next time; nothing else depends on it.
    }
  }, []);

  const updateRecord = useCallback((record: PostRecord) => setPosts((list) => list.map((p) => (p.path === record.path ? record : p))), []);

  const listReady = listedGeneration === generation && generation > 0;
  return { info, site, posts, listReady, context, error, setError, ready, opening, generation, recent, refreshRecent, firstStart, dismissWelcome, openSite, updateRecord, reload };
}
