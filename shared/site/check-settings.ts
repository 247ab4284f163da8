/**
 * Limits of the reader-facing checks, settable in `_config.yml` under `postwright: checks:`
 * (`title_max`, `description_min`, `description_max`), because search engines change theirs and
 * some blogs choose differently.
 */

export interface CheckSettings {
  /** Longest title, in characters, before a warning. */
  titleMax: number;
  /** Shortest and longest description, in characters. */
  descriptionMin: number;
  descriptionMax: number;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { titleMax: 60, descriptionMin: 50, descriptionMax: 160 };

const KEYS: Record<string, keyof CheckSettings> = { title_max: 'titleMax', description_min: 'descriptionMin', description_max: 'descriptionMax' };

/** The settings from the parsed `_config.yml`; a value that is not a whole number ≥ 0 is ignored with a warning. */
export function checkSettingsFrom(raw: Record<string, unknown>): { settings: CheckSettings; warnings: string[] } {
  const settings = { ...DEFAULT_CHECK_SETTINGS };
  const warnings: string[] = [];
  const block = raw.postwright;
  const checks = block && typeof block === 'object' && !Array.isArray(block) ? (block as Record<string, unknown>).checks : undefined;
  if (!checks || typeof checks !== 'object' || Array.isArray(checks)) return { settings, warnings };
  for (const [key, value] of Object.entries(checks as Record<string, unknown>)) {
    const name = KEYS[key];
    if (!name) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) settings[name] = value;
    else warnings.push(`_config.yml: postwright.checks.${key} should be a whole number, not '${String(value)}'; using ${settings[name]}`);
  }
  return { settings, warnings };
}
