import { NextResponse, type NextRequest } from "next/server";

// Sends visitors without a session cookie to /signin, remembering where they were going.
// It only looks for the cookie: the pages' layout verifies the session, API routes answer
// for themselves and every server action checks the role again, so this is a convenience,
// not the guard. (Auth.js's own proxy wrapper re-issues the session cookie on every request,
// and a prefetch answered after sign-out would then sign the person back in.)
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  // Auth.js splits a large session cookie into `<name>.0`, `<name>.1`, …
  const cookies = request.cookies.getAll().map((cookie) => cookie.name);
  if (cookies.some((cookie) => SESSION_COOKIES.some((name) => cookie === name || cookie.startsWith(`${name}.`)))) return NextResponse.next();
  const signIn = new URL("/signin", request.nextUrl);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

// /ack/<token> is the email's acknowledge link: opened on a phone that never signed in, its signed token is the authorization.
// The icons and the web app manifest are read by a browser adding Firebreak to a home screen, signed in or not.
export const config = {
  matcher: ["/((?!api/|signin|ack/|_next/static|_next/image|favicon.ico|icon|apple-icon|manifest.webmanifest).*)"],
};
