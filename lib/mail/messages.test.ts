import { describe, expect, it } from "vitest";
import { escapeHtml } from "./layout";
import { invitationMail, keyLeakedMail, keyRevokedMail, passwordResetMail } from "./messages";

describe("mails", () => {
  it("say the same in text and HTML, with the link spelled out in both", () => {
    const mail = passwordResetMail({ to: "ann@example.com", name: "Ann", link: "https://keys.example.com/r?a=1&b=2" });
    expect(mail.text).toContain("Hello Ann,");
    expect(mail.text).toContain("Choose a new password:\nhttps://keys.example.com/r?a=1&b=2");
    expect(mail.text).not.toMatch(/<[a-z]/i);
    expect(mail.html).toContain('href="https://keys.example.com/r?a=1&#38;b=2"');
    expect(mail.html).toContain("Hello Ann,");
  });

  it("escape what users typed (names, workspace and key names) in the HTML part", () => {
    const invitation = invitationMail({
      to: "bob@example.com",
      workspaceName: "<script>alert(1)</script>",
      inviterName: 'Eve "the admin"',
      role: "member",
      link: "https://keys.example.com/invite/inv_1",
      expiresAt: new Date("2026-01-08T00:00:00Z"),
    });
    expect(invitation.html).not.toContain("<script>");
    expect(invitation.html).toContain(escapeHtml("<script>alert(1)</script>"));
    expect(invitation.text).toContain('Eve "the admin" invited you to join the workspace <script>alert(1)</script>');
    const revoked = keyRevokedMail({
      to: "c@example.com",
      keyName: "a<b",
      workspaceName: "W",
      revokedBy: "Dan",
      revokedAt: new Date(0),
      link: "https://keys.example.com/w/keys/key_1",
    });
    expect(revoked.html).toContain("a&#60;b");
    expect(revoked.html).not.toContain("a<b");
  });

  it("say what happened to a leaked key, who reported it and where, with the key masked", () => {
    const mail = keyLeakedMail({
      to: "ann@example.com",
      keyName: "Billing",
      maskedKey: "sk_live_3f9a…a7b8",
      workspaceName: "Acme",
      source: "GitHub secret scanning",
      foundAt: "https://github.com/acme/app/blob/main/.env",
      reportedAt: new Date("2026-12-05T10:00:00Z"),
      response: "revoked",
      reason: "admin",
      link: "https://keys.example.com/acme/keys/key_1",
    });
    expect(mail.subject).toBe('API key "Billing" was reported leaked and revoked');
    expect(mail.text).toContain('GitHub secret scanning reported the API key "Billing" (sk_live_3f9a…a7b8)');
    expect(mail.text).toContain("found at https://github.com/acme/app/blob/main/.env");
    expect(mail.text).toContain("revoked it at once");
    expect(mail.text).toContain("you are an owner or admin of Acme");
    const disabled = keyLeakedMail({
      to: "bob@example.com",
      keyName: "Billing",
      maskedKey: "sk_live_3f9a…a7b8",
      workspaceName: "Acme",
      source: null,
      foundAt: null,
      reportedAt: new Date(0),
      response: "disabled",
      reason: "creator",
      link: "https://keys.example.com/acme/keys/key_1",
    });
    expect(disabled.text).toContain("Someone reported");
    expect(disabled.text).toContain("until someone turns it back on");
    expect(disabled.text).toContain("because you created the key");
  });
});
