import { WebsocketProvider } from 'y-websocket';
import { type DocConnector, websocketConnector } from '../../collab/docConnection';

/**
 * The projector's connection to a proposal's text: the room's connection (y-websocket with the view
 * token, docs/collab.md), made unable to write. The server drops whatever a view token sends, but
 * a projector that sent updates would still diverge from everyone else's text, so it sends none:
 * the provider's relay of local updates is detached (updates from the server carry the provider as
 * their origin and are applied as usual), and it announces no awareness (the projector shows nobody
 * and is nobody's caret).
 */
export const readOnlyConnector: DocConnector = (proposalId, token) => {
  const connection = websocketConnector(proposalId, token);
  const provider: unknown = connection.provider;
  if (provider instanceof WebsocketProvider) {
    connection.doc.off('update', provider._updateHandler);
    provider.awareness.setLocalState(null);
  }
  return connection;
};
