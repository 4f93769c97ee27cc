/** Whether the dialog around is busy carrying out its answer: its footer's cancel waits till it is done. */
import { createContext } from 'react';

/** False outside a busy dialog. */
export const DialogBusy = createContext(false);
