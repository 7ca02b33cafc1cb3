/** The admin the setup project signs up through the page; browser tests reuse its session. */
export const ADMIN = { name: "Ada Admin", email: "ada@keysmith.test", password: "correct-horse-battery", slug: "acme" };
export const ADMIN_STATE = "e2e/.auth/admin.json";
