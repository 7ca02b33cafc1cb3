import { ROLES, type Role } from "./scopes";

/** The stronger of two roles (owner > admin > member); null counts as no role. */
export function strongestRole(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}
