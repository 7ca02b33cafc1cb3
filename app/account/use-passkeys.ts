"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { authClient } from "@/lib/auth/client";

const passkeysKey = ["passkeys"] as const;

/** better-auth answers `{ data, error }`; TanStack Query wants a throw. */
async function unwrap<T>(call: Promise<{ data: T | null; error: { message?: string } | null }>, fallback: string) {
  const { data, error } = await call;
  if (error) throw new Error(error.message ?? fallback);
  return data as T;
}

export function usePasskeys() {
  return useQuery({
    queryKey: passkeysKey,
    queryFn: () => unwrap(authClient.passkey.listUserPasskeys(), "Could not load your passkeys"),
  });
}

/** Each change refreshes the list and the page (a first passkey or the last one changes the two-factor rule). */
function usePasskeyMutation<V>(run: (vars: V) => Promise<unknown>, success: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      toast.success(success);
      void queryClient.invalidateQueries({ queryKey: passkeysKey });
      router.refresh();
    },
  });
}

export function useAddPasskey() {
  return usePasskeyMutation(
    ({ name }: { name: string }) => unwrap(authClient.passkey.addPasskey({ name }), "Could not add the passkey"),
    "Passkey added",
  );
}

export function useRenamePasskey() {
  return usePasskeyMutation(
    ({ id, name }: { id: string; name: string }) =>
      unwrap(authClient.passkey.updatePasskey({ id, name }), "Could not rename the passkey"),
    "Passkey renamed",
  );
}

export function useRemovePasskey() {
  return usePasskeyMutation(
    ({ id }: { id: string }) => unwrap(authClient.passkey.deletePasskey({ id }), "Could not remove the passkey"),
    "Passkey removed",
  );
}
