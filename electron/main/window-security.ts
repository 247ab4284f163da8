/**
 * Locks down every web contents the app creates: navigation only within our own origin
 * (`app://renderer`, compared as a parsed URL), no new windows, no webviews, no permissions;
 * external http(s) links go to the system browser after a check.
 */
import { app, session, shell, type Event, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/** True for a URL we are willing to hand to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Keeps a navigation inside our page; anything else is stopped and, if safe, opened outside. */
function guardNavigation(event: Event, url: string, external: boolean): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  if (external && isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, true));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url, false)); // will-navigate opens main-frame links
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, false));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission (camera, notifications, geolocation…) for every session. */
export function refusePermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
