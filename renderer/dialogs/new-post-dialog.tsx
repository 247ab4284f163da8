/**
 * A new post or draft: its title, and what it starts from — one of the blog's own scaffolds (the
 * folder `postwright: { templates: … }` names), or the fields the blog's posts use (the schema).
 * Focus starts in the title, so typing and Enter is all a quick new post takes.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { slugify } from '../../shared/jekyll/file-names';
import { dialogs } from './dialog-store';
import { FieldError, FormDialog } from './form-dialog';
import './dialogs.css';

export interface TemplateChoice {
  name: string;
  label: string;
}

export interface NewPostChoice {
  title: string;
  /** A template file name, or undefined for the schema's fields. */
  template?: string;
}

interface Props {
  draft: boolean;
  templates: TemplateChoice[];
  /** The templates folder, for the description (null when the blog names none). */
  folder: string | null;
  opener: Element | null;
  onClose(choice: NewPostChoice | null): void;
}

const SCHEMA = '';

export function NewPostDialog({ draft, templates, folder, opener, onClose }: Props) {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState(templates[0]?.name ?? SCHEMA);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const templateId = useId();
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !title.trim() ? 'Title cannot be empty.' : slugify(title, 'default') ? null : 'Use at least one letter or digit.';
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    onClose({ title: title.trim(), ...(template ? { template } : {}) });
  };

  const where = draft ? 'Drafts go to _drafts/ and are not published until you publish them.' : "The file is named from the title and today's date in _posts/.";
  return (
    <FormDialog
      title={draft ? 'New draft' : 'New post'}
      description={where}
      focus={input}
      opener={opener}
      onCancel={() => onClose(null)}
      onSubmit={submit}
      submitLabel="Create"
    >
      <label className="dlg-label" htmlFor={titleId}>
        Title
      </label>
      <input
        ref={input}
        id={titleId}
        className="dlg-input"
        value={title}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
      />
      <FieldError id={errorId} error={error} />
      <label className="dlg-label" htmlFor={templateId}>
        Start from
      </label>
      <select id={templateId} className="dlg-select" value={template} onChange={(e) => setTemplate(e.target.value)}>
        {templates.map((t) => (
          <option key={t.name} value={t.name}>
            Template: {t.label}
          </option>
        ))}
        <option value={SCHEMA}>The fields this blog's posts use</option>
      </select>
      <p className="dlg-written">
        {folder
          ? templates.length
            ? `Templates come from ${folder}/ (postwright: templates in _config.yml).`
            : `No templates in ${folder}/ yet: add Markdown files there to start posts from them.`
          : 'Keep scaffolds of your own in a folder named under postwright: { templates: … } in _config.yml.'}
      </p>
    </FormDialog>
  );
}

/** Asks for a new post's title and template; null when cancelled. */
export function askNewPost(draft: boolean, templates: TemplateChoice[], folder: string | null): Promise<NewPostChoice | null> {
  return dialogs.show<NewPostChoice>((close, opener) => <NewPostDialog draft={draft} templates={templates} folder={folder} opener={opener} onClose={close} />);
}
