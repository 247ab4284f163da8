/**
 * The screen the desktop app shows when its page has no working bridge to the main process:
 * says what is wrong and what to try, instead of an editor whose every action fails.
 */
export function BridgeErrorScreen({ problem }: { problem: string }) {
  return (
    <main className="bridge-error" role="alert" aria-labelledby="bridge-error-title" style={{ padding: '2rem', maxWidth: '40rem', margin: '0 auto' }}>
      <h1 id="bridge-error-title">Postwright cannot reach its files</h1>
      <p>{problem}</p>
      <p>Nothing was read or written. Quit and start Postwright again; if this stays, reinstall it (the app package is incomplete).</p>
    </main>
  );
}
