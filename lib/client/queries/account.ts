import { queryOptions } from "@tanstack/react-query";
import type { KeyView } from "../../api/schemas/keys";
import { apiFetch } from "../api";

/** The signed-in user's personal key (or null before they make one). */
export function personalKeyQuery() {
  return queryOptions({
    queryKey: ["personal-key"] as const,
    queryFn: () => apiFetch<{ key: KeyView | null }>("/api/v1/me/key"),
  });
}
