import type { AccountObject } from '../../providers/payments/simulator/index.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The fake's stand-in for Stripe's hosted Connect onboarding: one button that completes it. */
export const onboardingPage = (account: AccountObject) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>FAKE Stripe Connect onboarding</title>
<body style="font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto">
<p style="border:2px dashed #b42318;padding:8px">Fake Stripe (tests only): no real account is created.</p>
<h1>Onboard ${escape(account.id)}</h1>
<p>${escape(account.email ?? '')}</p>
<form method="post"><button type="submit">Complete onboarding</button></form>
</body>
</html>
`;
