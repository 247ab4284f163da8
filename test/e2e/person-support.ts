/**
 * What the "person" suites share: a post with every kind of field, typing at a caret the way a
 * person does (click, move with the arrow keys, `keyboard.type` with a delay), and a watcher that
 * reads the file every 50 ms while they type, so a state the user never typed cannot slip by.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';
import { readFrontMatter } from '../../shared/front-matter/read-front-matter';

export const POST = '_posts/2026-01-15-docker-on-wsl2.md';

/** Written for these tests: a long title with a colon, every widget kind, a date with an offset. */
export const POST_TEXT = `---
layout: post
title: "Running Docker on WSL2: Fixing the Networking Layer"
description: A short note about the bridge, the resolver and what broke after the update.
date: 2026-01-15 08:20:00 +0530
rating: 42
categories: [Field Notes]
tags: [docker, wsl]
aliases: [wsl-docker, docker-wsl]
banner:
  image: /assets/images/banners/lake.svg
  caption: Morning over the lake
matrix: [[1, 2], [3, 4]]
---
The bridge came back after the update, but the resolver did not.

## What changed

Everything under the hood moved a little.
`;

export async function writePersonPost(site: string): Promise<void> {
  await writeFile(path.join(site, POST), POST_TEXT);
}

/** Opens the person post in the editor and waits for its form. */
export async function openPersonPost(page: Page): Promise<void> {
  await page.getByRole('option', { name: /Running Docker on WSL2/ }).click();
  await page.getByRole('form', { name: 'Front matter form' }).waitFor();
  await page.getByRole('textbox', { name: 'Title', exact: true }).and(page.locator('[value*="Running Docker"]')).waitFor();
}

/** Reads the file every 50 ms until stopped; returns every distinct text seen, in order. */
export function watchFile(file: string): { stop(): Promise<string[]> } {
  const seen: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const text = await readFile(file, 'utf8');
      if (seen[seen.length - 1] !== text) seen.push(text);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return seen;
    },
  };
}

/** Puts the caret `offset` characters into a text field or textarea (click, then Home and arrows). */
export async function caretAt(page: Page, field: Locator, offset: number, multiLine = false): Promise<void> {
  await field.click();
  await page.keyboard.press(multiLine ? 'Control+Home' : 'Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
}

export const insertAt = (text: string, at: number, inserted: string) => text.slice(0, at) + inserted + text.slice(at);

/** Every state typing `typed` at `at` may leave on disk: one per prefix (the empty one is the text before). */
export function typedStates(before: string, at: number, typed: string): string[] {
  return [...typed].map((_c, i) => insertAt(before, at, [...typed].slice(0, i + 1).join(''))).concat(before);
}

/** Each state on disk is one the user typed, and Jekyll can read its front matter. */
export function expectOnlyTyped(seen: string[], allowed: readonly string[]): void {
  for (const state of seen) {
    expect(allowed.includes(state), `a state the user did not type reached the disk:\n${state}`).toBe(true);
    const read = readFrontMatter(state);
    expect(read.ok, `unreadable front matter on disk:\n${state}`).toBe(true);
    const yaml = state.split('\n---\n')[0].slice(4);
    const dup = parseDocument(yaml, { uniqueKeys: true }).errors.find((e) => e.code === 'DUPLICATE_KEY');
    expect(dup, `duplicate keys on disk:\n${state}`).toBeUndefined();
  }
}

/** Waits until autosave has written `expected` (and the app says Saved). */
export async function expectSaved(page: Page, file: string, expected: string): Promise<void> {
  await expect.poll(() => readFile(file, 'utf8'), { timeout: 10_000 }).toBe(expected);
  await expect.poll(() => page.locator('.save-state').innerText(), { timeout: 10_000 }).toBe('Saved');
}
