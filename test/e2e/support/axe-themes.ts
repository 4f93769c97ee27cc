/**
 * axe-core's WCAG 2.1 A/AA rules over what the page shows, in the light and the dark theme. The
 * theme is switched in place (the app follows `prefers-color-scheme` through CSS alone), so one
 * page load serves both, and each check looks only at what it names: the open dialog by default.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The open dialogs: every modal `<dialog>` and every popover (the filter help, the column chooser…). */
export const OPEN_DIALOGS = 'dialog[open], .popover';

/** The whole page. */
export const WHOLE_PAGE = null;

/** A builder of axe's WCAG 2.1 A/AA rules for `page`, axe's source going into the page only once. */
async function wcagBuilder(page: Page): Promise<AxeBuilder> {
  // axe's source (half a megabyte, a second to evaluate on a busy machine) goes into the page
  // once: later runs hand the builder an empty script instead.
  const loaded = await page.evaluate('typeof window.axe?.run === "function"');
  // Legacy mode runs axe in the page itself: the default opens a new page to finish every run,
  // a renderer process each time, for frames the app does not have.
  return new AxeBuilder({ page, axeSource: loaded === true ? ';' : undefined })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode();
}

/** Every axe finding in `scope` (or the page), of any impact, one line per rule and element. */
async function findings(page: Page, scope: string | null): Promise<string[]> {
  const builder = await wcagBuilder(page);
  const results = await (scope === null ? builder : builder.include(scope)).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`,
    ),
  );
}

/**
 * The axe findings in the open dialog as `rule: element`: of every impact, or only the serious
 * and critical ones.
 */
export async function dialogFindings(page: Page, impacts: 'all' | 'serious' = 'all'): Promise<string[]> {
  const results = await (await wcagBuilder(page)).include('dialog[open]').analyze();
  return results.violations
    .filter((v) => impacts === 'all' || v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/**
 * Fails the test on any finding in `scope` in either theme, naming `screen` and the theme; the
 * failure is soft, so the test goes on to check its other screens. The page ends in the light theme.
 */
export async function expectNoFindings(page: Page, screen: string, scope: string | null = OPEN_DIALOGS): Promise<void> {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    expect.soft(await findings(page, scope), `${screen}, in the ${colorScheme} theme`).toEqual([]);
  }
}
