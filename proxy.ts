// Pages need a session (the `authorized` callback in lib/auth sends visitors to /signin).
// API routes answer for themselves, and every server action checks the role again:
// this redirect is a convenience, not the guard.
export { auth as proxy } from "@/lib/auth";

export const config = {
  matcher: ["/((?!api/|signin|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
