/**
 * What the stand-in puts into every page before the page's own scripts: Electron's renderer rules
 * and, in the top frame, the preload run the way a sandboxed, context-isolated preload is run.
 *
 * This file is text, not a module: sandbox-preload.ts pastes it into an init script together with
 * bridge-codec.cjs, a CONFIG object and the preload source wrapped in a function. It defines
 * `createPageWorld(CONFIG, codec)`.
 */
/* eslint-disable */
function createPageWorld(CONFIG, codec) {
  const realWindow = window;
  const send = realWindow[CONFIG.binding];
  try {
    delete realWindow[CONFIG.binding]; // the page's own scripts must not reach the IPC pipe
  } catch (_) {}
  // Messages cross Playwright's wire as one JSON string each way (much faster than its object walk).
  const report = (msg) => (send ? send(JSON.stringify(msg)).then((text) => (typeof text === 'string' ? JSON.parse(text) : text)) : Promise.resolve(null));

  /**
   * Page rules (https://www.electronjs.org/docs/latest/api/web-contents#contentssetwindowopenhandlerhandler
   * and Electron's renderer): `prompt()` throws; `window.open` goes to the main process's window-open
   * handler and yields null when it denies; alert/confirm are native message boxes (recorded).
   */
  function installPageRules() {
    Object.defineProperty(realWindow, 'prompt', {
      configurable: true,
      writable: true,
      value: function prompt() {
        throw new Error('prompt() is and will not be supported.');
      },
    });
    const nativeAlert = realWindow.alert;
    const nativeConfirm = realWindow.confirm;
    realWindow.alert = function alert(message) {
      void report({ kind: 'js-dialog', type: 'alert', message: String(message ?? '') });
      return nativeAlert.call(realWindow, message);
    };
    realWindow.confirm = function confirm(message) {
      void report({ kind: 'js-dialog', type: 'confirm', message: String(message ?? '') });
      return nativeConfirm.call(realWindow, message);
    };
    realWindow.open = function open(url, frameName, features) {
      const target = url === undefined ? 'about:blank' : new URL(String(url), realWindow.location.href).href;
      void report({ kind: 'window-open', url: target, frameName: String(frameName ?? ''), features: String(features ?? '') });
      return null;
    };
    if (realWindow.Notification) {
      realWindow.Notification.requestPermission = function requestPermission() {
        return report({ kind: 'permission', permission: 'notifications' }).then((ok) => (ok ? 'granted' : 'denied'));
      };
    }
  }

  // ---- Minimal Node polyfills the sandbox documents (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts)

  class EventEmitter {
    constructor() {
      this._events = new Map();
    }
    on(name, fn) {
      if (!this._events.has(name)) this._events.set(name, []);
      this._events.get(name).push(fn);
      return this;
    }
    addListener(name, fn) {
      return this.on(name, fn);
    }
    prependListener(name, fn) {
      this.on(name, fn);
      this._events.get(name).unshift(this._events.get(name).pop());
      return this;
    }
    once(name, fn) {
      const wrapped = (...args) => {
        this.removeListener(name, wrapped);
        fn.apply(this, args);
      };
      wrapped.listener = fn;
      return this.on(name, wrapped);
    }
    removeListener(name, fn) {
      const list = this._events.get(name);
      if (!list) return this;
      const i = list.findIndex((f) => f === fn || f.listener === fn);
      if (i >= 0) list.splice(i, 1);
      return this;
    }
    off(name, fn) {
      return this.removeListener(name, fn);
    }
    removeAllListeners(name) {
      if (name === undefined) this._events.clear();
      else this._events.delete(name);
      return this;
    }
    listenerCount(name) {
      return (this._events.get(name) || []).length;
    }
    listeners(name) {
      return (this._events.get(name) || []).map((f) => f.listener || f);
    }
    emit(name, ...args) {
      const list = (this._events.get(name) || []).slice();
      for (const fn of list) fn.apply(this, args);
      return list.length > 0;
    }
  }
  EventEmitter.EventEmitter = EventEmitter;

  const setImmediatePolyfill = (fn, ...args) => realWindow.setTimeout(fn, 0, ...args);
  const clearImmediatePolyfill = (id) => realWindow.clearTimeout(id);
  const timers = Object.freeze({
    setTimeout: realWindow.setTimeout.bind(realWindow),
    clearTimeout: realWindow.clearTimeout.bind(realWindow),
    setInterval: realWindow.setInterval.bind(realWindow),
    clearInterval: realWindow.clearInterval.bind(realWindow),
    setImmediate: setImmediatePolyfill,
    clearImmediate: clearImmediatePolyfill,
  });
  const url = Object.freeze({ URL: realWindow.URL, URLSearchParams: realWindow.URLSearchParams });

  /** The sandbox's Buffer is a browser polyfill (a Uint8Array underneath); this one is smaller. */
  class Buffer extends Uint8Array {
    static from(value, encoding) {
      if (typeof value === 'string') {
        if (encoding === 'base64') return Buffer.from(Array.from(atob(value), (c) => c.charCodeAt(0)));
        return Buffer.from(new TextEncoder().encode(value));
      }
      if (value instanceof ArrayBuffer) return new Buffer(value.slice(0));
      const out = new Buffer(value.length);
      out.set(value);
      return out;
    }
    static alloc(size) {
      return new Buffer(size);
    }
    static isBuffer(value) {
      return value instanceof Buffer;
    }
    toString(encoding) {
      if (encoding === 'base64') return btoa(String.fromCharCode.apply(null, this));
      return new TextDecoder().decode(this);
    }
  }

  /** The sandbox's `process`: a few read-only facts and an event emitter, nothing that reaches the OS. */
  const sandboxProcess = Object.assign(new EventEmitter(), {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
    platform: CONFIG.process.platform,
    arch: CONFIG.process.arch,
    versions: Object.freeze(Object.assign({}, CONFIG.process.versions)),
    env: Object.freeze({}),
    argv: Object.freeze([]),
    execPath: '',
    pid: 0,
  });

  // ---- IPC: values are structured-cloned (https://www.electronjs.org/docs/latest/api/ipc-renderer#ipcrendererinvokechannel-args)

  const ipcRenderer = new EventEmitter();
  ipcRenderer.invoke = function invoke(channel, ...args) {
    let carried;
    try {
      // "Arguments will be serialized with the Structured Clone Algorithm ... Sending Functions,
      // Promises, Symbols, WeakMaps, or WeakSets will throw an exception."
      carried = codec.encode(structuredClone(args));
    } catch (error) {
      return Promise.reject(error);
    }
    return report({ kind: 'invoke', channel: String(channel), args: carried }).then((reply) => {
      if (!reply || reply.ok === false) {
        throw new Error(`Error invoking remote method '${channel}': ${reply ? reply.error : 'no reply'}`);
      }
      return codec.decode(reply.value);
    });
  };
  ipcRenderer.send = function sendMessage(channel, ...args) {
    void report({ kind: 'send', channel: String(channel), args: codec.encode(structuredClone(args)) });
  };
  ipcRenderer.sendSync = function sendSync() {
    throw new Error('stand-in: ipcRenderer.sendSync blocks the renderer and is not provided');
  };
  /** Called by the test process for `webContents.send(channel, ...args)`. */
  function deliver(channel, carriedText) {
    const args = codec.decode(JSON.parse(carriedText));
    ipcRenderer.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...args);
  }

  // ---- contextBridge (https://www.electronjs.org/docs/latest/api/context-bridge#parameter--error--return-type-support)

  const CLONEABLE = [Date, RegExp, ArrayBuffer, Map, Set];
  function copyError(error) {
    // "Errors that are thrown are also copied": the message survives, custom properties do not.
    return new Error(error instanceof Error ? error.message : String(error));
  }
  function proxyFunction(fn) {
    // "Function values ... are proxied": calls cross back, copying arguments and results each way.
    return function proxied(...args) {
      const inArgs = args.map((a) => bridgeCopy(a));
      let result;
      try {
        result = fn(...inArgs);
      } catch (error) {
        throw copyError(error);
      }
      return bridgeCopy(result);
    };
  }
  function bridgeCopy(value, depth) {
    const d = depth || 0;
    if (d > 100) throw new Error('object is too deep (or cyclic) for the context bridge');
    if (typeof value === 'symbol') return undefined; // "Symbols cannot be copied across contexts so they are dropped"
    if (typeof value === 'function') return proxyFunction(value);
    if (value === null || typeof value !== 'object') return value;
    if (value === ipcRenderer) return {}; // Electron 29+: ipcRenderer no longer crosses the bridge
    if (value instanceof Promise) {
      return new Promise((resolve, reject) => value.then((x) => resolve(bridgeCopy(x)), (e) => reject(copyError(e))));
    }
    if (value instanceof Error) return copyError(value);
    if (value instanceof realWindow.Element || value instanceof realWindow.Blob) return value;
    if (ArrayBuffer.isView(value) || CLONEABLE.some((C) => value instanceof C)) return structuredClone(value); // "Cloneable Types"
    if (Array.isArray(value)) return value.map((x) => bridgeCopy(x, d + 1));
    // "Prototype modifications are dropped. Sending custom classes will copy values but not the prototype."
    const out = {};
    for (const key of Object.keys(value)) {
      if (typeof value[key] !== 'symbol') out[key] = bridgeCopy(value[key], d + 1);
    }
    return out;
  }
  function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const key of Object.keys(value)) deepFreeze(value[key]);
    }
    return value;
  }
  const contextBridge = Object.freeze({
    exposeInMainWorld(apiKey, api) {
      if (!CONFIG.contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (Object.prototype.hasOwnProperty.call(realWindow, apiKey) || apiKey in realWindow) {
        throw new Error(`Cannot bind an API on top of an existing property on the window object`);
      }
      // "all other values are copied and frozen"
      Object.defineProperty(realWindow, apiKey, { value: deepFreeze(bridgeCopy(api)), enumerable: true, configurable: false, writable: false });
      void report({ kind: 'exposed', key: String(apiKey) });
    },
    exposeInIsolatedWorld() {
      throw new Error('stand-in: exposeInIsolatedWorld is not provided');
    },
  });

  const electron = Object.freeze({
    contextBridge,
    ipcRenderer,
    webFrame: Object.freeze({ setZoomFactor() {}, getZoomFactor: () => 1, setZoomLevel() {}, getZoomLevel: () => 0 }),
    crashReporter: Object.freeze({ addExtraParameter() {}, removeExtraParameter() {}, getParameters: () => ({}) }),
    nativeImage: Object.freeze({}),
    webUtils: Object.freeze({ getPathForFile: () => '' }),
  });

  /** `require` of the sandbox: electron (renderer modules), events, timers, url; `node:` prefix for the last three. */
  function sandboxRequire(name) {
    const id = String(name);
    if (id === 'electron') return electron;
    const bare = id.startsWith('node:') ? id.slice(5) : id;
    if (bare === 'events') return EventEmitter;
    if (bare === 'timers') return timers;
    if (bare === 'url') return url;
    throw new Error(`module not found: ${id}`);
  }

  /**
   * Context isolation (https://www.electronjs.org/docs/latest/tutorial/context-isolation): the preload's
   * globals are its own; it reads the page's DOM but what it assigns stays in its world.
   */
  const isolatedStore = Object.create(null);
  const isolatedWindow = new Proxy(realWindow, {
    get(target, key) {
      if (key in isolatedStore) return isolatedStore[key];
      const value = Reflect.get(target, key);
      return typeof value === 'function' && !/^[A-Z]/.test(String(key)) ? value.bind(target) : value;
    },
    set(_target, key, value) {
      isolatedStore[key] = value;
      return true;
    },
    has(target, key) {
      return key in isolatedStore || key in target;
    },
  });

  /** Runs the wrapped preload with the sandbox's arguments, as Electron does; a throw is reported, not fatal. */
  function runPreload(wrapped) {
    const module = { exports: {} };
    try {
      wrapped.call(
        isolatedWindow,
        sandboxRequire,
        sandboxProcess,
        Buffer,
        isolatedWindow,
        setImmediatePolyfill,
        clearImmediatePolyfill,
        module.exports,
        module,
        isolatedWindow,
        isolatedWindow,
        isolatedWindow,
      );
    } catch (error) {
      // Electron logs "Unable to load preload script" and the page loads without the bridge.
      console.error(`Unable to load preload script: ${CONFIG.preloadPath}`);
      console.error(error);
      void report({ kind: 'preload-error', message: String(error && error.message ? error.message : error), name: String(error && error.name) });
    }
  }

  Object.defineProperty(realWindow, CONFIG.deliverKey, { value: deliver, enumerable: false, configurable: false, writable: false });
  return { installPageRules, runPreload };
}
