// Runs panva's oidc-provider (OpenID Certified) on a loopback port for OidcProviderInteropTest.
// Prints one JSON line {"issuer": ...} on stdout when it listens. Logins need no browser: the interaction of a login
// is finished at once for the account named in login_hint ("cancel" answers access_denied), with a grant for every
// scope and claim the client asked for. Configuration from the environment:
//   OZG_REDIRECT_URI  redirect URI of every client
//   OZG_CLIENT_JWK    public JWK (JSON) of the private_key_jwt client "ozg-pkjwt"
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const redirectUri = process.env.OZG_REDIRECT_URI;
const clientJwk = JSON.parse(process.env.OZG_CLIENT_JWK);
const SECRET = 'interop-secret-of-sufficient-length-0123456789';
const LOA = (level) => `http://eidas.europa.eu/LoA/${level}`;

// Invented people as a broker in front of BundID would pass them on.
const accounts = {
  erika: {
    acr: LOA('high'),
    claims: {
      given_name: 'Erika', family_name: 'Mustermann', birthdate: '1964-08-12',
      email: 'erika.mustermann@example.org', email_verified: true,
      address: { street_address: 'Heidestraße 17', postal_code: '51147', locality: 'Köln', country: 'DE' },
      postkorb_handle: '6b2f0e4c-3a1d-4f5e-8b7c-9d0e1f2a3b4c',
    },
  },
  jonas: {
    acr: LOA('low'),
    claims: { given_name: 'Jonas', family_name: 'Beispiel', email: 'jonas.beispiel@example.org' },
  },
};

function signingKey(type, options, alg, kid) {
  const { privateKey } = crypto.generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
}

function client(clientId, extra) {
  return {
    client_id: clientId,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    ...extra,
  };
}

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      client('ozg-rs256', { client_secret: SECRET, id_token_signed_response_alg: 'RS256' }),
      client('ozg-ps256', { client_secret: SECRET, id_token_signed_response_alg: 'PS256' }),
      client('ozg-es256', { client_secret: SECRET, id_token_signed_response_alg: 'ES256' }),
      client('ozg-post', { client_secret: SECRET, token_endpoint_auth_method: 'client_secret_post' }),
      client('ozg-pkjwt', {
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [clientJwk] },
      }),
    ],
    jwks: {
      keys: [
        signingKey('rsa', { modulusLength: 2048 }, 'RS256', 'interop-rs256'),
        signingKey('rsa', { modulusLength: 2048 }, 'PS256', 'interop-ps256'),
        signingKey('ec', { namedCurve: 'P-256' }, 'ES256', 'interop-es256'),
      ],
    },
    acrValues: [LOA('low'), LOA('substantial'), LOA('high')],
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'birthdate'],
      email: ['email', 'email_verified'],
      address: ['address'],
      postbox: ['postkorb_handle'],
    },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, id) {
      const account = accounts[id];
      if (!account) {
        return undefined;
      }
      return { accountId: id, async claims() { return { sub: id, ...account.claims }; } };
    },
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    try {
      await finishInteraction(provider, req, res);
    } catch (err) {
      console.error(err);
      res.statusCode = 500;
      res.end(String(err));
    }
  });
  console.log(JSON.stringify({ issuer }));
});

async function finishInteraction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (params.login_hint === 'cancel') {
    await provider.interactionFinished(req, res,
      { error: 'access_denied', error_description: 'the citizen cancelled' }, { mergeWithLastSubmission: false });
    return;
  }
  let result;
  if (prompt.name === 'login') {
    const accountId = params.login_hint in accounts ? params.login_hint : 'erika';
    result = { login: { accountId, acr: accounts[accountId].acr, amr: ['pwd'] } };
  } else {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) {
      grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    }
    if (prompt.details.missingOIDCClaims) {
      grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    }
    const grantId = await grant.save();
    result = { consent: details.grantId ? {} : { grantId } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

process.on('SIGTERM', () => server.close(() => process.exit(0)));
