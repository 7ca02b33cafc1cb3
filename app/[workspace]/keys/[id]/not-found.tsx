import { KeyNotFound } from "./_components/key-not-found";

export default function KeyNotFoundPage() {
  return <KeyNotFound />;
}
