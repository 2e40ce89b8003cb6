// The message sections that pages bring with them (features/*/messages.ts), as types only:
// nothing here is bundled with every page.

import type { documentsZh } from '../features/documents/messages.ts';
import type { verificationZh } from '../features/verification/messages.ts';
import type { dispatchZh } from '../features/dispatch/messages.ts';
import type { extensionZh } from '../features/dispatch/messages.ts';
import type { lookbackZh } from '../features/lookback/messages.ts';
import type { accountabilityZh } from '../features/accountability/messages.ts';
import type { noticesZh } from '../features/notices/messages.ts';
import type { publicPortalZh } from '../features/public-portal/messages.ts';
import type { publicMessagesZh } from '../features/public-messages/messages.ts';

export interface LazySections {
  documents: typeof documentsZh;
  verification: typeof verificationZh;
  dispatch: typeof dispatchZh;
  extension: typeof extensionZh;
  lookback: typeof lookbackZh;
  accountability: typeof accountabilityZh;
  notices: typeof noticesZh;
  publicPortal: typeof publicPortalZh;
  publicMessages: typeof publicMessagesZh;
}
