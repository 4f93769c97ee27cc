/**
 * Installs the navigation, window-open, webview and permission guards on every web contents
 * the app creates (the pattern of GitHub Desktop's `web-contents-created` handler).
 *
 * The decisions themselves live in ./security and are unit-tested there.
 */
import { app, shell, type Session } from 'electron';
import { decideWindowOpen, isNavigationAllowed } from './security/navigation-guard';

/** Guards every web contents; call once before the first window. */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    const guardNavigation = (event: { preventDefault(): void }, url: string) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    };
    contents.on('will-navigate', guardNavigation);
    contents.on('will-redirect', guardNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally !== null) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });
}

/** Refuses every permission request (camera, notifications, ...) and check. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
