/**
 * "Blog look" or "Plain", remembered across sessions.
 */
import { useCallback, useState } from 'react';
import type { Look } from './frame-shell';

const KEY = 'postwright.preview-look';

function stored(): Look {
  try {
    return localStorage.getItem(KEY) === 'plain' ? 'plain' : 'blog';
  } catch {
    return 'blog';
  }
}

export function usePreviewLook(): [Look, (look: Look) => void] {
  const [look, setLookState] = useState<Look>(stored);
  const setLook = useCallback((next: Look) => {
    setLookState(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts for this window.
    }
  }, []);
  return [look, setLook];
}
