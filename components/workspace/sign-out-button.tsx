"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";

export function SignOutButton({
  next = "/sign-in",
  children = "Sign out",
  variant = "ghost",
  size = "sm",
  className,
}: { next?: string } & Pick<ButtonProps, "children" | "variant" | "size" | "className">) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size={size}
      className={className}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await authClient.signOut();
        router.replace(next);
        router.refresh();
      }}
    >
      {children}
    </Button>
  );
}
