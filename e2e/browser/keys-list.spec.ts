import { json } from "../support/api";
import { addPerson, expect, keyRows, keysUrl, rowNames, seedKey, test } from "../support/keys-page";
import { lookAt } from "../support/look";
import { screenshot } from "../support/screenshots";

const pad = (n: number) => String(n).padStart(2, "0");
const isTest = (n: number) => n % 3 === 0;

test("60 keys: pages, sort, search and filters, all kept in the URL through reload and back", async ({
  page,
  baseURL,
  owner,
}, testInfo) => {
  test.slow();
  const grace = await addPerson(baseURL!, owner, "Grace Hopper", "admin");
  const seeds: Promise<{ id: string }>[] = [];
  for (let n = 1; n <= 50; n++) {
    seeds.push(
      seedKey(owner, owner.workspace, { name: `Service ${pad(n)}`, environment: isTest(n) ? "test" : "live" }),
    );
  }
  for (let n = 1; n <= 10; n++) {
    seeds.push(seedKey(grace, owner.workspace, { name: `Worker ${pad(n)}`, environment: isTest(n) ? "test" : "live" }));
  }
  const keys = await Promise.all(seeds);
  for (const key of keys.slice(0, 2)) await json(await owner.api.delete(`/api/v1/keys/${key.id}`), 200);

  await page.goto(keysUrl(owner));
  await expect(keyRows(page)).toHaveCount(50);
  const previous = page.getByRole("button", { name: "Previous" });
  const next = page.getByRole("button", { name: "Next" });
  await expect(previous).toBeDisabled();

  // Sort by name: the header says how the column is sorted.
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  const createdHeader = page.getByRole("columnheader", { name: "Created" });
  await expect(createdHeader).toHaveAttribute("aria-sort", "descending");
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(createdHeader).not.toHaveAttribute("aria-sort");
  await expect(page).toHaveURL(/sort=name/);
  await expect.poll(() => rowNames(page)).toEqual(Array.from({ length: 50 }, (_, i) => `Service ${pad(i + 1)}`));

  // Next page, reload, previous, back.
  await next.click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(() => rowNames(page)).toEqual(Array.from({ length: 10 }, (_, i) => `Worker ${pad(i + 1)}`));
  await expect(next).toBeDisabled();
  await page.reload();
  await expect.poll(() => rowNames(page)).toEqual(Array.from({ length: 10 }, (_, i) => `Worker ${pad(i + 1)}`));
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(async () => (await rowNames(page))[0]).toBe("Service 01");
  await expect(keyRows(page)).toHaveCount(50);
  await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();
  await page.goBack();
  await expect.poll(async () => (await rowNames(page))[0]).toBe("Worker 01");

  await nameHeader.getByRole("button").click(); // now Z→A, from the first page
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).not.toHaveURL(/after=/);
  await expect.poll(async () => (await rowNames(page)).slice(0, 2)).toEqual(["Worker 10", "Worker 09"]);

  // Search (debounced), kept through a reload.
  const search = page.getByRole("searchbox", { name: "Search keys by name" });
  await search.fill("worker 0");
  await expect(page).toHaveURL(/q=worker\+0/);
  await expect(keyRows(page)).toHaveCount(9);
  await page.reload();
  await expect(search).toHaveValue("worker 0");
  await expect(keyRows(page)).toHaveCount(9);
  await search.fill("");
  await expect(keyRows(page)).toHaveCount(50);

  // Filters, one at a time; back undoes one.
  await page.getByRole("combobox", { name: "Environment" }).selectOption("test");
  await expect(page).toHaveURL(/env=test/);
  await expect(keyRows(page)).toHaveCount(16 + 3);
  await expect(keyRows(page).filter({ hasText: "Live" })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Created by" }).selectOption({ label: "Grace Hopper" });
  await expect(page).toHaveURL(/creator=/);
  await expect.poll(() => rowNames(page)).toEqual(["Worker 09", "Worker 06", "Worker 03"]);
  await page.goBack();
  await expect(page.getByRole("combobox", { name: "Created by" })).toHaveValue("");
  await expect(keyRows(page)).toHaveCount(19);
  await page.getByRole("combobox", { name: "Environment" }).selectOption("");
  await page.getByRole("combobox", { name: "Status" }).selectOption("revoked");
  await expect.poll(() => rowNames(page)).toEqual(["Service 02", "Service 01"]);
  await expect(keyRows(page).filter({ hasText: "Revoked" })).toHaveCount(2);
  await page.getByRole("combobox", { name: "Status" }).selectOption("active");
  await expect(keyRows(page)).toHaveCount(50);
  await expect(keyRows(page).filter({ hasText: "Revoked" })).toHaveCount(0);

  // Nothing matches: say so, and offer to clear the filters (not to create a first key).
  await search.fill("nothing like this");
  await expect(page.getByRole("heading", { name: "No keys match these filters" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toHaveCount(0);
  await lookAt(page, testInfo, "keys-no-match");
  await page.getByRole("row").getByRole("button", { name: "Clear filters" }).click();
  await expect(search).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("");
  await expect(keyRows(page)).toHaveCount(50);
  await expect(page).toHaveURL(/\/keys\?sort=name&order=desc$/);
});

test("loading shows skeleton rows as tall as real ones; a failed load offers a retry", async ({
  page,
  owner,
}, testInfo) => {
  await seedKey(owner, owner.workspace, { name: "Only key", scopes: ["keys.read", "audit.read", "members.read"] });
  // The page carries its rows; the browser loads them itself only when the server could not
  // read them (here a cursor that names no page), showing skeleton rows meanwhile.
  // The failing answer waits until the skeleton has been measured: on a busy machine a
  // fixed delay could let the error replace it first.
  let failing = true;
  let release: () => void = () => {};
  const measured = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === "/api/v1/keys",
    async (route) => {
      if (failing) {
        await measured;
        return route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "INTERNAL", message: "The database is restarting" } }),
        });
      }
      const url = new URL(route.request().url());
      url.searchParams.delete("cursor");
      return route.fallback({ url: url.toString() });
    },
  );
  await page.goto(keysUrl(owner, "after=not-a-cursor"));
  const skeleton = page.getByTestId("skeleton-row").first();
  await expect(skeleton).toBeVisible();
  const skeletonHeight = (await skeleton.boundingBox())!.height;
  const tableTop = (await page.getByRole("table").boundingBox())!.y;
  await screenshot(page, testInfo, "keys-skeleton");
  release();

  const alert = page.getByRole("alert").filter({ hasText: "Could not load keys" });
  await expect(alert).toContainText("The database is restarting");
  failing = false;
  await page.getByRole("button", { name: "Try again" }).click();
  const row = keyRows(page).first();
  await expect(row).toContainText("Only key");
  expect((await row.boundingBox())!.height).toBe(skeletonHeight);
  expect((await page.getByRole("table").boundingBox())!.y).toBe(tableTop);

  // "+1" names the scope it hides.
  await row.getByRole("button", { name: "1 more scope: members.read" }).hover();
  await expect(page.getByRole("tooltip")).toContainText("members.read");
});
