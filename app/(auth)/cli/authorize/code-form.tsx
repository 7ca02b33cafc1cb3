"use client";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** A plain GET form: the code goes into the address, where a link from the CLI would have put it. */
export function CodeForm({ defaultValue }: { defaultValue: string }) {
  return (
    <form method="get" action="/cli/authorize" className="space-y-3">
      <Field label="Code" hint="Eight letters, such as BCDF-GHJK">
        {(p) => (
          <Input
            {...p}
            name="code"
            defaultValue={defaultValue}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            className="font-mono uppercase tracking-widest"
          />
        )}
      </Field>
      <Button type="submit" className="w-full">
        Continue
      </Button>
    </form>
  );
}
