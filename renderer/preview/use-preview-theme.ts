/**
 * The site's layouts and theme for the "Blog look", fetched when the site or post changes and
 * when the window regains focus (a layout or Sass file may have been edited elsewhere; the core
 * answers from its cache unless a file changed), and the compiled CSS of linked stylesheets.
 */
import { useEffect, useState } from 'react';
import type { PreviewContext, PreviewTheme } from '../../shared/api/contract';
import { rewriteCssUrls } from '../../shared/preview/layout/css-urls';
import { api } from '../app/api';

export function usePreviewTheme(context: PreviewContext | null, path: string): PreviewTheme | null {
  const [theme, setTheme] = useState<PreviewTheme | null>(null);
  useEffect(() => {
    if (!context) return;
    let live = true;
    const load = () =>
      void api.getPreviewTheme({}).then(
        (next) => live && setTheme((prev) => (prev && prev.stamp === next.stamp ? prev : next)),
        () => live && setTheme(null),
      );
    load();
    window.addEventListener('focus', load);
    return () => {
      live = false;
      window.removeEventListener('focus', load);
    };
  }, [context, path]);
  return theme;
}

const cssCache = new Map<string, Promise<{ css: string; problems: string[] }>>();

/** The CSS for the layout's stylesheets (site paths), made safe for the frame; cached per theme stamp. */
export async function stylesheetsCss(stamp: string, paths: string[], assetBase: string, baseurl: string): Promise<{ css: string; problems: string[] }> {
  const parts = await Promise.all(
    paths.map((p) => {
      const key = `${stamp}\u0000${assetBase}\u0000${baseurl}\u0000${p}`;
      let hit = cssCache.get(key);
      if (!hit) {
        hit = api.getPreviewCss({ path: p }).then(
          (r) => {
            const safe = rewriteCssUrls(r.css, p, assetBase, baseurl);
            return { css: safe.css, problems: [...r.problems, ...(safe.blocked ? [`${p}: ${safe.blocked} remote URL(s) not loaded (the preview stays offline)`] : [])] };
          },
          (error: Error) => ({ css: '', problems: [`${p}: ${error.message}`] }),
        );
        if (cssCache.size > 100) cssCache.clear();
        cssCache.set(key, hit);
      }
      return hit;
    }),
  );
  return { css: parts.map((p) => p.css).join('\n'), problems: parts.flatMap((p) => p.problems) };
}

/** Reads a site file for `include_relative`. */
export function loadRelative(sitePath: string): Promise<string | null> {
  return api.readSiteText({ path: sitePath }).then(
    (r) => r.text,
    () => null,
  );
}
