/**
 * jose (46 modules) is imported with the first token signed or checked, not when the server
 * starts: `/health`, slots and bookings never need it. Node caches the module after that.
 */
const jose = () => import('jose');

const encoder = new TextEncoder();

/** Access tokens are short-lived: a stolen one is worth 15 minutes, and nothing is stored for them. */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

export type AccountRole = 'specialist' | 'operator';

/** The claims of an access token; `sp` is the specialist's id, absent for an operator. */
export interface AccessClaims {
  sub: string;
  role: AccountRole;
  sp?: string;
  /** Seconds since the epoch, as JWT has it. */
  iat: number;
  exp: number;
}

/** A signed HS256 access token for `subject`, issued at `now` (ms). */
export async function signAccessToken(
  secret: string,
  subject: { accountId: string; role: AccountRole; specialistId: string | null },
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_MS / 1000;
  const claims: AccessClaims = { sub: subject.accountId, role: subject.role, ...(subject.specialistId ? { sp: subject.specialistId } : {}), iat, exp };
  const { SignJWT } = await jose();
  const token = await new SignJWT({ role: claims.role, ...(claims.sp ? { sp: claims.sp } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(encoder.encode(secret));
  return { token, expiresAt: exp * 1000 };
}

/** Three base64url parts: worth checking a signature. */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * The claims of `token` when its HS256 signature is ours; `expired` when it is ours but past its
 * `exp` at `now` (ms); undefined otherwise. Time is checked against the app's clock (`currentDate`),
 * not the system's, and only HS256 is accepted (no `alg: none`, no key confusion).
 */
export async function verifyAccessToken(token: string, secret: string, now: number): Promise<AccessClaims | 'expired' | undefined> {
  const { jwtVerify } = await jose();
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'], currentDate: new Date(now) }));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_JWT_EXPIRED') return undefined;
    return (await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'], currentDate: new Date(0) }).then(() => 'expired' as const, () => undefined));
  }
  const { sub, role, sp, iat, exp } = payload;
  if (typeof sub !== 'string' || (role !== 'specialist' && role !== 'operator')) return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number' || (sp !== undefined && typeof sp !== 'string')) return undefined;
  if (exp * 1000 <= now) return 'expired';
  return { sub, role, ...(sp ? { sp } : {}), iat, exp };
}
