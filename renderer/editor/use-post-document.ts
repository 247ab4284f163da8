/**
 * The open post: loading, dirty state, Ctrl+S and autosave through the core's atomic write,
 * conflicts with changes on disk, and crash recovery buffers.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult } from '../../shared/api/contract';
import { api } from '../app/api';
import { describeYamlProblem, yamlProblem } from './front-matter-check';
import { fromBuffer, toBuffer, type PostBuffer } from './post-buffer';
import { serialRunner } from './serial-runner';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'invalid' | 'error';

export interface Conflict {
  diskText: string;
  diskVersion: string;
}

const AUTOSAVE_MS = 1500;

/** The last block checked and its problem: typing in the body leaves the front matter as it was. */
let lastChecked: { yaml: string; problem: ReturnType<typeof yamlProblem> } | null = null;
function problemOf(yaml: string) {
  if (lastChecked?.yaml !== yaml) lastChecked = { yaml, problem: yamlProblem(yaml) };
  return lastChecked.problem;
}

/**
 * Why this buffer must not be saved: its front matter does not read, or names a key twice (a
 * duplicate already in the saved file is left to the user, so such a post can still be edited).
 */
function blockReason(b: PostBuffer, savedText: string | null): string | null {
  const problem = problemOf(b.yaml);
  if (!problem) return null;
  if (problem.message.endsWith('appears twice') && savedText !== null && yamlProblem(toBuffer(savedText).yaml)?.message.endsWith('appears twice')) return null;
  return `Not saved: ${describeYamlProblem(problem)}`;
}

export function usePostDocument(path: string | null) {
  const [buffer, setBuffer] = useState<PostBuffer | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string>('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [loadCount, setLoadCount] = useState(0);
  const [loadedPath, setLoadedPath] = useState<string | null>(null);
  const saved = useRef<{ text: string; version: string } | null>(null);
  const current = useRef<PostBuffer | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The text of the save in flight, so its own change event is not taken for someone else's. */
  const savingText = useRef<string | null>(null);
  /** Counts opened posts, so a save's late reply cannot touch the next post's state. */
  const docId = useRef(0);

  const load = useCallback((text: string, version: string) => {
    saved.current = { text, version };
    const b = toBuffer(text);
    current.current = b;
    setBuffer(b);
    setState('saved');
    setConflict(null);
    setMessage('');
    setLoadCount((n) => n + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    docId.current++;
    setBuffer(null);
    current.current = null;
    saved.current = null;
    if (!path) return;
    api.readPost({ path }).then(
      (post) => {
        if (cancelled) return;
        load(post.text, post.version);
        setLoadedPath(path);
      },
      (error) => !cancelled && (setState('error'), setMessage((error as Error).message)),
    );
    return () => {
      cancelled = true;
    };
  }, [path, load]);

  const isDirty = () => !!current.current && !!saved.current && fromBuffer(current.current) !== saved.current.text;

  const saveNow = useCallback(
    async (force?: { baseVersion: string }): Promise<SaveResult | null> => {
      if (!path || !current.current || !saved.current) return null;
      const text = fromBuffer(current.current);
      if (!force && text === saved.current.text) return null;
      const blocked = blockReason(current.current, saved.current.text);
      if (blocked) {
        setState('invalid');
        setMessage(blocked);
        return { status: 'invalid', message: blocked };
      }
      setState('saving');
      savingText.current = text;
      try {
        const forDoc = docId.current;
        const result = await api.savePost({ path, text, baseVersion: force?.baseVersion ?? saved.current.version });
        // Another post was opened meanwhile: this reply is not about the open buffer.
        if (forDoc !== docId.current || !current.current) return result;
        if (result.status === 'saved') {
          saved.current = { text, version: result.version };
          setConflict(null);
          const clean = fromBuffer(current.current) === text;
          const blocked = clean ? null : blockReason(current.current, text);
          setMessage(blocked ?? '');
          setState(clean ? 'saved' : blocked ? 'invalid' : 'dirty');
          // The crash copy goes only once nothing is left unsaved.
          if (clean) void api.dropBuffer({ path }).catch(() => undefined);
        } else if (result.status === 'conflict') {
          setConflict({ diskText: result.diskText, diskVersion: result.diskVersion });
          setState('conflict');
        } else {
          setState('invalid');
          setMessage(result.line ? `Line ${result.line}: ${result.message}` : result.message);
        }
        return result;
      } catch (error) {
        setState('error');
        setMessage((error as Error).message);
        return null;
      } finally {
        savingText.current = null;
      }
    },
    [path],
  );

  // One save of this post in flight at a time; one asked for meanwhile runs after it, from the
  // version it saved.
  const runner = useRef(serialRunner(saveNow));
  useEffect(() => {
    runner.current = serialRunner(saveNow);
  }, [saveNow]);
  const save = useCallback((force?: { baseVersion: string }) => runner.current.run(force), []);

  const update = useCallback(
    (patch: Partial<PostBuffer>) => {
      if (!current.current || !path) return;
      const next = { ...current.current, ...patch };
      current.current = next;
      const dirty = isDirty();
      const blocked = dirty ? blockReason(next, saved.current?.text ?? null) : null;
      // The editor and preview already show the change; React catches up without delaying
      // the next frame.
      startTransition(() => {
        setBuffer(next);
        setState((s) => (s === 'conflict' || s === 'saving' ? s : blocked ? 'invalid' : dirty ? 'dirty' : 'saved'));
        setMessage((m) => (blocked ? blocked : m.startsWith('Not saved: ') ? '' : m));
      });
      if (timer.current) clearTimeout(timer.current);
      if (stashTimer.current) clearTimeout(stashTimer.current);
      if (dirty) {
        // Autosave waits while the front matter cannot be saved; the buffer keeps every key.
        if (!blocked) timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
        stashTimer.current = setTimeout(() => {
          if (isDirty() && saved.current) void api.stashBuffer({ path, text: fromBuffer(next), baseVersion: saved.current.version }).catch(() => undefined);
        }, 400);
      }
    },
    [path, save],
  );

  // Changes on disk: reload a clean buffer, ask about a dirty one. Decided by content, so the
  // echo of our own save (which may arrive before the save's reply) is never a conflict.
  useEffect(() => {
    if (!path) return;
    return api.on('post-changed', (event) => {
      if (event.path !== path || !saved.current) return;
      if (event.kind === 'removed') {
        setState('error');
        setMessage('This post was deleted on disk. Save to write it again.');
        return;
      }
      if (event.version === saved.current.version) return;
      void api.readPost({ path }).then((post) => {
        if (!saved.current || post.path !== path) return;
        // The echo of the save in flight: its reply records the new version.
        if (post.text === savingText.current) return;
        const mine = current.current ? fromBuffer(current.current) : null;
        if (post.text === saved.current.text || post.text === mine) {
          saved.current = { text: post.text, version: post.version };
          if (post.text === mine) {
            setConflict(null);
            setState('saved');
          }
          return;
        }
        if (!isDirty()) load(post.text, post.version);
        else {
          setConflict({ diskText: post.text, diskVersion: post.version });
          setState('conflict');
        }
      });
    });
  }, [path, load]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (isDirty()) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** Puts recovered text into the editor as unsaved changes. */
  const replaceText = useCallback(
    (text: string) => {
      const b = toBuffer(text);
      current.current = b;
      setBuffer(b);
      setLoadCount((n) => n + 1);
      const blocked = isDirty() ? blockReason(b, saved.current?.text ?? null) : null;
      setState(blocked ? 'invalid' : isDirty() ? 'dirty' : 'saved');
      setMessage(blocked ?? '');
      if (isDirty() && !blocked) timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [save],
  );

  const keepMine = useCallback(() => conflict && void save({ baseVersion: conflict.diskVersion }), [conflict, save]);
  const takeTheirs = useCallback(() => conflict && load(conflict.diskText, conflict.diskVersion), [conflict, load]);

  /** The newest buffer, even before React has rendered it (edits arrive faster than renders). */
  const latest = useCallback(() => current.current, []);

  return { buffer, latest, state, message, conflict, update, save, keepMine, takeTheirs, replaceText, loadCount, loadedPath, savedText: saved.current?.text ?? '' };
}
