import type { Handlers } from '../core/dispatcher.ts';
import type { FlowService } from './flow-service.ts';
import type { InboxService } from './inbox-service.ts';

type FlowChannel = Extract<keyof Handlers, `flows:${string}` | `inbox:${string}`>;

export function createFlowHandlers(flows: FlowService, inbox: InboxService): Pick<Handlers, FlowChannel> {
  return {
    'flows:list': ({ collectionId }) => flows.list(collectionId),
    'flows:get': ({ collectionId, flowId }) => flows.view(collectionId, flowId),
    'flows:save': ({ collectionId, flow }) => flows.save(collectionId, flow),
    'flows:delete': ({ collectionId, flowId }) => flows.delete(collectionId, flowId),
    'flows:run': (input) => flows.run(input),
    'flows:cancel': ({ runId }) => flows.cancel(runId),
    'flows:runs': () => flows.runs(),
    'flows:step-detail': ({ runId, index }) => flows.stepDetail(runId, index),
    'inbox:status': () => inbox.status(),
    'inbox:start': (input) => inbox.start(input),
    'inbox:stop': () => inbox.stop(),
    'inbox:entries': () => inbox.entries(),
    'inbox:clear': () => inbox.clear(),
  };
}
