/**
 * Renderer entry: mounts the app, or in the desktop app without a working bridge an error screen.
 * The tooltip and toast providers wrap everything once, so any component can use them.
 */
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startBootRequests } from './app/use-site';
import { BridgeErrorScreen } from './transport/bridge-error-screen';
import { bridgeProblem } from './transport/pick-transport';
import { TooltipProvider } from './theme/tooltip';
import { Toaster } from './toasts/toaster';
import './styles.css';
import './layout/layout.css';

const problem = bridgeProblem();
// The first screen's requests go out before React's first render, not after it.
if (!problem) startBootRequests();
createRoot(document.getElementById('root')!).render(
  problem ? (
    <BridgeErrorScreen problem={problem} />
  ) : (
    <TooltipProvider>
      <Toaster>
        <App />
      </Toaster>
    </TooltipProvider>
  ),
);
