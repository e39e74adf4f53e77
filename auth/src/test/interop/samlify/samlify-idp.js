// Issues one SAML login response with samlify acting as the IdP (signed assertion, encrypted to the SP).
// Usage: node samlify-idp.js SP_METADATA IDP_KEY_PEM IDP_CERT_PEM REQUEST_ID OUT_FILE
const saml = require('samlify');
const fs = require('fs');
const crypto = require('crypto');

saml.setSchemaValidator({ validate: () => Promise.resolve('not validated: this IdP only issues') });
const [spMetadata, idpKey, idpCert, requestId, out] = process.argv.slice(2);
const idp = saml.IdentityProvider({
  entityID: 'https://samlify.idp.example/idp',
  privateKey: fs.readFileSync(idpKey),
  signingCert: fs.readFileSync(idpCert),
  isAssertionEncrypted: true,
  dataEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
  nameIDFormat: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
  singleSignOnService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    Location: 'https://samlify.idp.example/sso' }],
});
const sp = saml.ServiceProvider({ metadata: fs.readFileSync(spMetadata) });
const acs = sp.entityMeta.getAssertionConsumerService('post');
const now = new Date();
const later = new Date(now.getTime() + 5 * 60 * 1000);
const attribute = (name, value) => `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">`
  + `<saml:AttributeValue xsi:type="xs:string">${value}</saml:AttributeValue></saml:Attribute>`;

idp.createLoginResponse(sp, { extract: { request: { id: requestId } } }, 'post', { email: 'unused' }, template => {
  const id = '_' + crypto.randomUUID();
  const filled = template
    .replace('{AuthnStatement}', `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_s1">`
      + '<saml:AuthnContext><saml:AuthnContextClassRef>http://eidas.europa.eu/LoA/substantial'
      + '</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>')
    .replace('{AttributeStatement}', '<saml:AttributeStatement>'
      + attribute('urn:oid:1.3.6.1.4.1.25484.494450.3', 'samlify-bpk2-0815')
      + attribute('urn:oid:2.5.4.42', 'Anna') + attribute('urn:oid:2.5.4.4', 'Interop')
      + '</saml:AttributeStatement>');
  const context = saml.SamlLib.replaceTagsByValue(filled, {
    ID: id, AssertionID: '_' + crypto.randomUUID(), Destination: acs, Audience: sp.entityMeta.getEntityID(),
    SubjectRecipient: acs, Issuer: idp.entityMeta.getEntityID(), IssueInstant: now.toISOString(),
    StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success', ConditionsNotBefore: now.toISOString(),
    ConditionsNotOnOrAfter: later.toISOString(), SubjectConfirmationDataNotOnOrAfter: later.toISOString(),
    NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', NameID: 'samlify-user-1',
    InResponseTo: requestId,
  });
  return { id, context };
}).then(result => fs.writeFileSync(out, result.context))
  .catch(error => { console.error(error); process.exit(1); });
