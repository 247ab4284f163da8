/**
 * gray-matter with its code-evaluating engines disabled for good.
 *
 * gray-matter runs `---js` / `---javascript` front matter through `eval`; `engines: {js: false}`
 * does not remove the alias, so both names are replaced with a parser that refuses. Postwright's
 * own reader does not use gray-matter (its js-yaml reads YAML 1.2, not Jekyll's 1.1); this wrapper
 * exists for comparisons and for any tool code that wants gray-matter's API safely.
 */
import matter from 'gray-matter';

const refuse = (): never => {
  throw new Error('executable front matter (---js) is never run');
};

export function safeGrayMatter(text: string): { data: Record<string, unknown>; content: string } {
  const parsed = matter(text, {
    engines: { js: refuse, javascript: refuse } as unknown as matter.GrayMatterOption<string, never>['engines'],
  });
  return { data: parsed.data as Record<string, unknown>, content: parsed.content };
}
