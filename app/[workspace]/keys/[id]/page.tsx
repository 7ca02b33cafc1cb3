import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireMembership } from "@/app/_lib/session";
import { ApiError } from "@/lib/api/errors";
import { getKey } from "@/lib/keys/service";
import { getRuntime } from "@/lib/runtime";
import { viewerOf } from "../_components/viewer";
import { KeyDetailView } from "./_components/key-detail-view";

interface Props {
  params: Promise<{ workspace: string; id: string }>;
}

/** The key in the URL's workspace (or null) and who is looking; one database read per request for metadata and page. */
const findKey = cache(async (slug: string, id: string) => {
  const { membership, user } = await requireMembership(slug);
  const { database } = await getRuntime();
  const viewer = viewerOf(user.id, membership);
  try {
    return { key: await getKey(database.db, membership.workspace.id, id), viewer };
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") return { key: null, viewer };
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace, id } = await params;
  const { key } = await findKey(workspace, id);
  return { title: key ? `${key.name} · API keys` : "Key not found" };
}

export default async function KeyDetailPage({ params }: Props) {
  const { workspace, id } = await params;
  // A real 404 for a key that does not exist here; the view handles one revoked or removed later.
  const { key, viewer } = await findKey(workspace, id);
  if (!key) notFound();
  return <KeyDetailView workspace={workspace} keyId={id} viewer={viewer} />;
}
