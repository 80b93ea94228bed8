import type { Exchange } from '../../../../../main/contract/exchanges.ts';
import { ExchangeCard } from './ExchangeCard.tsx';

type Props = { exchanges: readonly Exchange[]; showTraces?: boolean; label?: string };

/** Every round trip of a send in the order it happened: token requests first, then the call. */
export function ExchangeList({ exchanges, showTraces = true, label = 'Exchanges of this send' }: Props) {
  return (
    <ol className="dbg-exchanges" aria-label={label}>
      {exchanges.map((exchange, index) => (
        <ExchangeCard key={index} exchange={exchange} index={index} showTraces={showTraces} />
      ))}
    </ol>
  );
}
