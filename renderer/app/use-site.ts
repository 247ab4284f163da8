/**
 * The open site, its posts and the preview context, kept current from core events.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, PreviewContext, SiteSummary } from '../../shared/api/contract';
import type { PostRecord } from '../../shared/jekyll/site-types';
import { api } from './api';

export function useSite() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [site, setSite] = useState<SiteSummary | null>(null);
  const [posts, setPosts] = useState<PostRecord[]>([]);
  const [context, setContext] = useState<PreviewContext | null>(null);
  const [error, setError] = useState<string>('');

  const reload = useCallback(async () => {
    const [summary, list, ctx] = await Promise.all([api.getSite(), api.listPosts(), api.getPreviewContext()]);
    setSite(summary);
    setPosts(list);
    setContext(ctx);
  }, []);

  useEffect(() => {
    void (async () => {
      try {
        setInfo(await api.getAppInfo());
        if (!(await api.getSite())) await api.openSite({});
        await reload();
      } catch (e) {
        setError((e as Error).message);
      }
    })();
    const offs = [
      api.on('posts-reset', () => void reload()),
      api.on('site-opened', () => void reload()),
      api.on('post-changed', (e) => {
        setPosts((list) => {
          const rest = list.filter((p) => p.path !== e.path);
          return e.record ? [...rest, e.record] : rest;
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [reload]);

  const openSite = useCallback(
    async (path: string) => {
      try {
        await api.openSite({ path });
        await reload();
        setError('');
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [reload],
  );

  const updateRecord = useCallback((record: PostRecord) => setPosts((list) => list.map((p) => (p.path === record.path ? record : p))), []);

  return { info, site, posts, context, error, openSite, updateRecord, reload };
}
