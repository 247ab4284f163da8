/**
 * What the core derives from the whole site: the front-matter schema and the problems list.
 *
 * Both load when a site shows and again after file operations (refreshAll). On a site's first
 * showing they wait until its post list has arrived and painted: on a big site they are the
 * longest work the core does, and the list is what a person waits for.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SiteSummary } from '../../shared/api/contract';
import type { Problem } from '../../shared/site/check-rules';
import type { SiteSchema } from '../../shared/site/schema';
import { api } from '../app/api';
import { useSiteReset } from './use-site-reset';

export interface SiteChecksStore {
  schema: SiteSchema | null;
  problems: Problem[] | null;
  refreshSchema(): void;
  refreshProblems(): void;
  /** Schema and problems again, after something changed files. */
  refreshAll(): void;
}

export function useSiteChecks(site: SiteSummary | null, generation: number, listReady = true): SiteChecksStore {
  const [schema, setSchema] = useState<SiteSchema | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  useSiteReset(generation, () => {
    setSchema(null);
    setProblems(null);
  });
  useEffect(() => {
    if (!site || !listReady) return;
    // Effects run after the commit is painted; a task later the list's first frame is on screen.
    const start = setTimeout(() => {
      void api.getSchema().then(setSchema, () => undefined);
      void api.checkSite().then(setProblems, () => undefined);
    }, 0);
    return () => clearTimeout(start);
  }, [site, listReady]);
  const refreshSchema = useCallback(() => void api.getSchema().then(setSchema, () => undefined), []);
  const refreshProblems = useCallback(() => {
    setProblems(null);
    void api.checkSite().then(setProblems, () => setProblems([]));
  }, []);
  const refreshAll = useCallback(() => {
    refreshSchema();
    refreshProblems();
  }, [refreshSchema, refreshProblems]);
  return { schema, problems, refreshSchema, refreshProblems, refreshAll };
}
