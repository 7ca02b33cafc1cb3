import type { CreatedKey } from "../support/api-client";
import { type LoadKey, writeLoadFile } from "../support/load-file";
import { verifyLoad } from "../support/seed";

/**
 * The keys the soak's load sends and the answers each may get, kept in step with the key
 * changes: a key about to be revoked or rotated may answer VALID or its new code until the
 * change has settled, then only the new code; a key just created answers VALID. Every
 * change is written to the load file, which wrk re-reads (bench/verify/load.lua, RELOAD=1).
 */
export class KeyBook {
  private readonly keys: LoadKey[];
  private readonly byId = new Map<string, LoadKey>();
  /** Keys no change has touched yet: the ones a rotation or revocation may pick. */
  private readonly untouched: LoadKey[] = [];

  constructor(
    created: CreatedKey[],
    private readonly file: string,
  ) {
    this.keys = verifyLoad(created);
    for (const k of this.keys) {
      if (k.id === null) continue;
      this.byId.set(k.id, k);
      this.untouched.push(k);
    }
    this.write();
  }

  get path(): string {
    return this.file;
  }

  /** A valid key no change has touched yet, now allowed to answer `code` too; or null when none is left. */
  pickFor(code: "REVOKED"): LoadKey | null {
    if (this.untouched.length === 0) return null;
    const i = Math.floor(Math.random() * this.untouched.length);
    const [key] = this.untouched.splice(i, 1);
    key.codes = ["VALID", code];
    this.write();
    return key;
  }

  /** The change went through: from now on only `code`. */
  settle(id: string, code: string): void {
    const key = this.byId.get(id);
    if (key) key.codes = [code];
    this.write();
  }

  /** A new key (created, or a rotation's replacement) joins the load as VALID. */
  add(created: CreatedKey): void {
    const key = { key: created.key, id: created.id, codes: ["VALID"] };
    this.keys.push(key);
    this.byId.set(created.id, key);
    this.write();
  }

  private write(): void {
    writeLoadFile(this.file, this.keys);
  }
}
