import { describe, expect, it } from "vitest";
import { escapeHtml } from "./layout";
import { invitationMail, keyRevokedMail, passwordResetMail } from "./messages";

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
});
