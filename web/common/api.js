// How the demo pages reach the API: on the local stack the API shares their origin; deployed, the stack writes
// /config.json with the API's URL and how it authorizes ("jwt": the storefront's identity provider's token, pasted
// into the page; "iam": requests must be signed, which a browser page cannot do: use the local stack or a JWT).
window.OmnirecApi = (function () {
  'use strict';
  let config = null;

  async function load() {
    if (config === null) {
      try {
        const response = await fetch('/config.json', { cache: 'no-store' });
        config = response.ok ? await response.json() : {};
      } catch (e) {
        config = {};
      }
    }
    return config;
  }

  async function call(method, path, body) {
    const settings = await load();
    const headers = body ? { 'content-type': 'application/json' } : {};
    const token = sessionStorage.getItem('omnirec-token');
    if (token) {
      headers.authorization = 'Bearer ' + token;
    }
    const response = await fetch((settings.apiUrl || '') + path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = new Error(json.message || json.error || ('HTTP ' + response.status));
      error.code = json.error;
      throw error;
    }
    return json;
  }

  return {
    call,
    /** Keeps a bearer token for this browser tab (deployed with a JWT authorizer). */
    useToken(token) {
      if (token) {
        sessionStorage.setItem('omnirec-token', token);
      } else {
        sessionStorage.removeItem('omnirec-token');
      }
    }
  };
}());
