/**
 * The only bridge between the renderer and main: one frozen object with one
 * invoke per contract channel and a typed subscription to contract events.
 * No ipcRenderer, no free-form channel names, and listeners receive the
 * payload only, never the Electron event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, ipcEventChannel, isEventName, PRELOAD_GLOBAL, type PreloadBridge } from '../main/contract/index.ts';

const invoke = Object.freeze(
  Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])),
) as PreloadBridge['invoke'];

const on: PreloadBridge['on'] = (name, listener) => {
  if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`);
  const channel = ipcEventChannel(name);
  const forward = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const bridge: PreloadBridge = Object.freeze({ invoke, on });
contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, bridge);
