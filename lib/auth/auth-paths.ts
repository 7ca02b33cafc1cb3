/** Where a followed verification link lands: the account page, which then shows the address as verified. */
export const VERIFIED_CALLBACK = "/account?verified=1";
