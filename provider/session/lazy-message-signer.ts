import type { MessageSigner } from '../../wire/auth-token.js';

/**
 * A message signer that obtains its wallet on first use: a session that needs only the address
 * of a keystore wallet asks for the password only if a provider call actually needs a token.
 */
export function lazyMessageSigner(load: () => Promise<MessageSigner>): MessageSigner {
  let wallet: Promise<MessageSigner> | undefined;
  return {
    signMessage: async (message) => {
      wallet ??= load();
      return (await wallet).signMessage(message);
    },
  };
}
