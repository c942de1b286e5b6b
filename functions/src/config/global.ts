import { setGlobalOptions } from 'firebase-functions/v2';
import { REGION } from '@knotenpunkt/model';

// Deployed functions run in Frankfurt; the Hosting rewrite names the same region.
setGlobalOptions({ region: REGION, maxInstances: 10 });
