// Runs forceLayout off the main thread, so the page stays responsive while a large graph is laid out.
import { forceLayout, type ForceInput } from './forceLayout.js';

const scope = self as unknown as { onmessage: ((ev: MessageEvent<ForceInput>) => void) | null; postMessage(msg: unknown, transfer: Transferable[]): void };

scope.onmessage = (ev) => {
  const pos = forceLayout(ev.data);
  scope.postMessage(pos, [pos.buffer]);
};
