/**
 * Runs a reset whenever another site opens, so a store never shows the previous site's state.
 *
 * `generation` comes from useSite; each store passes its own reset, which keeps the knowledge of
 * what belongs to a site inside the store that holds it.
 */
import { useEffect, useRef } from 'react';

export function useSiteReset(generation: number, reset: () => void): void {
  const latest = useRef(reset);
  latest.current = reset;
  useEffect(() => {
    if (generation !== 0) latest.current();
  }, [generation]);
}
