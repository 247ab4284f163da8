/**
 * Tooltips on Radix Tooltip (shown on hover and on keyboard focus, Escape closes, positioned to
 * stay inside the window) and the icon buttons that use them: an icon alone is never enough, so
 * every IconButton has an aria-label and the same words in its tooltip, with its shortcut.
 */
import { forwardRef, type ButtonHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import * as RadixTooltip from '@radix-ui/react-tooltip';
import './tooltip.css';

/** Mount once around the app: one delay for all tooltips, and moving between them is instant. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={450} skipDelayDuration={300}>
      {children}
    </RadixTooltip.Provider>
  );
}

interface TipProps {
  /** What the tooltip says. */
  content: ReactNode;
  /** Shortcut shown after the text, e.g. "Ctrl+S". */
  shortcut?: string;
  side?: 'top' | 'bottom' | 'left' | 'right';
  children: ReactElement;
}

/** Wraps one focusable element (usually a button) with a tooltip. */
export function Tooltip({ content, shortcut, side = 'bottom', children }: TipProps) {
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" side={side} sideOffset={6} collisionPadding={8}>
          {content}
          {shortcut && <kbd className="tooltip-kbd">{shortcut}</kbd>}
          <RadixTooltip.Arrow className="tooltip-arrow" />
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}

interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The accessible name and the tooltip text. */
  label: string;
  icon: ReactNode;
  shortcut?: string;
  /** Also show the label next to the icon (wide windows); the tooltip then only adds the shortcut. */
  showLabel?: boolean;
  variant?: 'ghost' | 'default' | 'primary';
  side?: TipProps['side'];
}

/** A button with an icon, an accessible name and a tooltip. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, shortcut, showLabel = false, variant = 'ghost', side, className = '', ...rest },
  ref,
) {
  const classes = [showLabel ? 'with-icon' : 'icon-button', variant === 'default' ? '' : variant, className].filter(Boolean).join(' ');
  const button = (
    <button ref={ref} type="button" aria-label={showLabel ? undefined : label} className={classes} {...rest}>
      {icon}
      {showLabel && <span className="button-label">{label}</span>}
    </button>
  );
  if (showLabel && !shortcut) return button;
  return (
    <Tooltip content={label} shortcut={shortcut} side={side}>
      {button}
    </Tooltip>
  );
});
