// Signs in the way a browser does (next-auth v5 credentials: CSRF token, then the callback)
// and returns the Cookie header that carries the session.

const SESSION_COOKIE = "authjs.session-token";

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  await callback.arrayBuffer();
  const session = cookiePairs(callback).find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`Sign-in as ${email} failed: HTTP ${callback.status}, no ${SESSION_COOKIE} cookie`);

  const check = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: session } });
  const body = (await check.json()) as { user?: { email?: string } } | null;
  if (body?.user?.email !== email) throw new Error(`Sign-in as ${email} gave a cookie the server does not accept`);
  return session;
}
