/**
 * A text widget's own draft: what the user typed stays in the input, keystroke by keystroke.
 *
 * The value a form field gets from outside is re-read from the buffer after each edit, and that
 * buffer reaches React in a transition, so it lags the keys. Showing it while the user types puts
 * an older text into the input, which moves the caret to the end and drops keys. So while the user
 * edits, the input shows the draft; each change is still committed to the buffer at once. An
 * outside value replaces the draft only when it is not one the draft produced (the YAML tab, a
 * reload, "take theirs"). During IME composition nothing is committed; compositionend commits.
 */
import { useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

export interface DraftBinding {
  value: string;
  onChange(e: ChangeEvent<TextElement>): void;
  onFocus(): void;
  onBlur(): void;
  onCompositionStart(): void;
  onCompositionEnd(e: CompositionEvent<TextElement>): void;
}

export interface Draft {
  /** What the input shows: the draft while there is one, else the outside value. */
  text: string;
  /** True while the shown text is the user's own draft. */
  editing: boolean;
  bind: DraftBinding;
}

/**
 * `outside` is the value as text; `commit` receives each new draft (never mid-composition);
 * `same` tells whether an outside text is what a draft produced (e.g. `07` and `7` for numbers).
 */
export function useDraft(outside: string, commit: (text: string) => void, same: (draft: string, outside: string) => boolean = (a, b) => a === b): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  const [seenOutside, setSeenOutside] = useState(outside);
  const sent = useRef<string[]>([]);
  const composing = useRef(false);

  if (outside !== seenOutside) {
    // React allows this update during render: it re-renders at once, before the DOM changes.
    setSeenOutside(outside);
    if (draft !== null && !sent.current.some((d) => same(d, outside))) {
      setDraft(null);
      sent.current = [];
    }
  }

  const send = (text: string) => {
    sent.current.push(text);
    if (sent.current.length > 200) sent.current.splice(0, sent.current.length - 200);
    commit(text);
  };

  const bind: DraftBinding = {
    value: draft ?? outside,
    onChange(e) {
      const text = e.target.value;
      setDraft(text);
      if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) send(text);
    },
    onFocus() {
      if (draft === null) sent.current = [];
    },
    onBlur() {
      // A draft the buffer took is dropped; one it refused stays on screen with its message.
      if (draft !== null && same(draft, outside)) setDraft(null);
    },
    onCompositionStart() {
      composing.current = true;
    },
    onCompositionEnd(e) {
      composing.current = false;
      const text = e.currentTarget.value;
      setDraft(text);
      send(text);
    },
  };
  return { text: draft ?? outside, editing: draft !== null, bind };
}
