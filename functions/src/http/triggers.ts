import { onRequest } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { SMTP_URL } from '../config/params.ts';
import { apiDeps } from '../platform/deps.ts';
import { handleApi } from './api.ts';

export const api = onRequest({ secrets: [SMTP_URL] }, async (req, res) => {
  try {
    const { status, body, contentType, headers } = await handleApi(req, apiDeps());
    res.set(headers ?? {});
    if (contentType) res.status(status).type(contentType).send(body);
    else res.status(status).json(body);
  } catch (error) {
    logger.error('api failed', error);
    res
      .status(500)
      .json({ error: 'INTERNAL', message: 'Ein unerwarteter Fehler ist aufgetreten.' });
  }
});
