import { onRequest } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { db } from '../platform/firebase.ts';
import { handleApi } from './api.ts';

export const api = onRequest(async (req, res) => {
  try {
    const { status, body } = await handleApi(req, { db: db() });
    res.status(status).json(body);
  } catch (error) {
    logger.error('api failed', error);
    res
      .status(500)
      .json({ error: 'INTERNAL', message: 'Ein unerwarteter Fehler ist aufgetreten.' });
  }
});
