// Side-effect import: installs the offline fetch wrapper when evaluated. Import it before the
// SDK (ESM evaluates imports in order), so the SDK never sees the real fetch for off-machine URLs.
import { installOfflineFetch } from './offline-fetch.mjs';

installOfflineFetch();
