/** The page's first script: asks for the session while the app's JavaScript loads (see early-session.ts). */
import { startEarlySession } from './client/early-session';

startEarlySession();
