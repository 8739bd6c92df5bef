import type { Probe } from '../../platform/ports';
import { LocalTokenSigner } from './local-token-signer';

/** The local keyring is up when its token-signing key loads (the stand-in for the KMS key probe). */
export const localKeyringProbe = (dataDir: string): Probe => ({
  name: 'keys:local-keyring',
  check: async () => {
    await new LocalTokenSigner(dataDir).publicJwk();
    return undefined;
  },
});
