import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ROUTE_METHODS } from "../../lib/api/other-methods";

export interface ApiRoute {
  /** The route's folder as a URL template: `/api/v1/keys/[id]/rotate`. */
  template: string;
  /** The methods it serves (the rest answer 405). */
  served: string[];
}

/** Every route handler under app/api, read from the files, so that a new route is covered at once. */
export function apiRoutes(root = join(process.cwd(), "app")): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "route.ts") {
        const source = readFileSync(path, "utf8");
        const template = `/${relative(root, dir).split(sep).join("/")}`;
        const list = /otherMethods\(\[([^\]]*)\]\)/.exec(source)?.[1];
        const served = list === undefined ? [...ROUTE_METHODS] : [...list.matchAll(/"([A-Z]+)"/g)].map((m) => m[1]);
        routes.push({ template, served });
      }
    }
  };
  walk(join(root, "api"));
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}
