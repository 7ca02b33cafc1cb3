import { createPeerAuth, type PeerAuth } from "../../../auth";

// One better-auth instance per process, opened on first use.
const holder = globalThis as typeof globalThis & { peerAuth?: PeerAuth };

export async function POST(req: Request): Promise<Response> {
  holder.peerAuth ??= createPeerAuth(process.env.PEER_DATA_DIR ?? ".data/peer").auth;
  const { key } = (await req.json()) as { key: string };
  const result = await holder.peerAuth.api.verifyApiKey({ body: { key } });
  return Response.json({ valid: result.valid, keyId: result.key?.id ?? null, code: result.error?.code ?? "VALID" });
}
