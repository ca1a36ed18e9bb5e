// Starts a hostile-suite worker: registers the TypeScript loader (tsx), then loads worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
