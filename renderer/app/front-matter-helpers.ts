/**
 * Small readings of the open post's front matter the app needs: where the banner goes, the title.
 */
import type { FieldPath } from '../../shared/front-matter/field-path';
import type { SiteSchema } from '../../shared/site/schema';
import { readYaml } from '../../shared/yaml/read-yaml';

/** Where this blog keeps a post's banner image, from its schema. */
export function bannerPath(schema: SiteSchema | null): FieldPath {
  const f = (k: string) => schema?.fields.find((x) => x.key === k);
  const banner = f('banner');
  if (banner?.type === 'map') return ['banner', banner.fields?.find((x) => x.type === 'image')?.key ?? 'image'];
  if (f('image')?.type === 'image') return ['image'];
  const header = f('header');
  const sub = header?.type === 'map' ? header.fields?.find((x) => x.type === 'image') : undefined;
  if (sub) return ['header', sub.key];
  return ['banner', 'image'];
}

/** The title in a front-matter block, as Jekyll reads it. */
export function titleOf(yaml: string): string | null {
  const read = readYaml(yaml);
  const t = read.ok && read.value && typeof read.value === 'object' ? (read.value as Record<string, unknown>).title : undefined;
  return t === undefined || t === null ? null : String(t);
}

