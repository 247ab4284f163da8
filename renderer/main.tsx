/**
 * Renderer entry: mounts the app, or in the desktop app without a working bridge an error screen.
 */
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { BridgeErrorScreen } from './transport/bridge-error-screen';
import { bridgeProblem } from './transport/pick-transport';
import './styles.css';

const problem = bridgeProblem();
createRoot(document.getElementById('root')!).render(problem ? <BridgeErrorScreen problem={problem} /> : <App />);
