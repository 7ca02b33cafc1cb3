import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { screenshot } from "./screenshots";

const THEMES = ["light", "dark"] as const;

/**
 * Looks at what the user sees in both themes: an axe scan (no serious or critical
 * violations) and a screenshot `<name>-light.png` / `<name>-dark.png`. The app follows
 * the system theme by default, so emulating the colour scheme switches it. Works with
 * an open dialog too (pass `fullPage: false` to keep the overlay in frame).
 */
export async function lookAt(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // A client navigation can pass through a moment with no <title> (Next swaps it as the new
  // page commits); scanning then fails document-title by chance, on main's build as on this one.
  await expect(page).toHaveTitle(/Keysmith/);
  // Nothing wider than the window: a bar or table that overflows scrolls the whole page sideways.
  const overflow = await page.evaluate(() => {
    const past = [...document.querySelectorAll("body *")].filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5,
    );
    const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
    return {
      width: document.documentElement.scrollWidth - window.innerWidth,
      culprits: innermost.slice(0, 3).map((element) => element.outerHTML.slice(0, 160)),
    };
  });
  expect(
    overflow.width,
    `${name} is ${overflow.width}px wider than the window: ${overflow.culprits.join(" | ")}`,
  ).toBeLessThanOrEqual(0);
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
    // Toasts are left out: they fade in and out, and a half-transparent frame fails contrast by chance.
    const results = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
    const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `accessibility of ${name} in ${colorScheme}`,
    ).toEqual([]);
    await screenshot(page, testInfo, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
