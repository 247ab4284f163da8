/**
 * The one-line notice under the header (an operation's result, a sync outcome, an error).
 */
import { useCallback, useState } from 'react';
import { useSiteReset } from './use-site-reset';

export interface NoticeStore {
  notice: string;
  show(message: string): void;
  dismiss(): void;
}

export function useNotice(generation: number): NoticeStore {
  const [notice, setNotice] = useState('');
  const show = useCallback((message: string) => setNotice(message), []);
  const dismiss = useCallback(() => setNotice(''), []);
  useSiteReset(generation, dismiss);
  return { notice, show, dismiss };
}
