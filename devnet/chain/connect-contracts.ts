import { Contract } from 'ethers';
import type { ContractRunner } from 'ethers';
import type { AddressBook } from '../../wire/address-book.js';
import { loadArtifact } from '../../wire/artifacts.js';

/** ethers Contracts for every contract of an address book, plus its tokens by symbol. */
export interface ConnectedContracts {
  readonly TokenRegistry: Contract;
  readonly EscrowUser: Contract;
  readonly ProviderRegistry: Contract;
  readonly OrderRequest: Contract;
  readonly Bid: Contract;
  readonly ComputeLease: Contract;
  readonly Multicall3: Contract;
  /** The ERC-20 token with this symbol (case-insensitive); throws when the book has none. */
  token(symbol: string): Contract;
}

/** Binds the devnet ABIs to the addresses of `book`, signing or reading through `runner`. */
export function connectContracts(book: AddressBook, runner: ContractRunner): ConnectedContracts {
  const make = (name: keyof AddressBook['contracts']): Contract =>
    new Contract(book.contracts[name], loadArtifact(name).abi, runner);
  return {
    TokenRegistry: make('TokenRegistry'),
    EscrowUser: make('EscrowUser'),
    ProviderRegistry: make('ProviderRegistry'),
    OrderRequest: make('OrderRequest'),
    Bid: make('Bid'),
    ComputeLease: make('ComputeLease'),
    Multicall3: make('Multicall3'),
    token: (symbol) => {
      const t = book.tokens.find((x) => x.symbol.toLowerCase() === symbol.toLowerCase());
      if (t === undefined) {
        const known = book.tokens.map((x) => x.symbol).join(', ');
        throw new RangeError(`token "${symbol}" is not in the address book (known: ${known})`);
      }
      return new Contract(t.address, loadArtifact('TestToken').abi, runner);
    },
  };
}
