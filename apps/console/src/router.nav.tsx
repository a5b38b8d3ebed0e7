import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small router on the History API under /app. Paths carry only case ids
 * (PHI-free hashes), registry member ids (opaque `mbr_…`) and page names:
 * never a member reference, name or birth date.
 */
const BASE = '/app';

function currentPath(): string {
  const p = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : window.location.pathname;
  return p === '' ? '/' : p;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/**
 * Values handed to the next page (e.g. a member's plan id to prefill a form):
 * in memory only, never in the URL, history state or storage (PHI), and
 * gone on reload.
 */
let carried: Readonly<Record<string, string>> = {};

/** What the page that navigated here handed over (read once, on first render). */
export function takeCarried(): Readonly<Record<string, string>> {
  const c = carried;
  carried = {};
  return c;
}

export function navigate(path: string, opts: { replace?: boolean; carry?: Readonly<Record<string, string>> } = {}): void {
  carried = opts.carry ?? {};
  const url = `${BASE}${path}`;
  if (opts.replace) {
    window.history.replaceState(null, '', url);
  } else {
    window.history.pushState(null, '', url);
  }
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return path;
}

/** `pattern` like `/cases/:id`; the params when the path matches. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) {
      params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    } else if (a[i] !== b[i]) {
      return null;
    }
  }
  return params;
}

/** A real link (opens in a new tab, keyboard and screen readers as usual) that routes in place on a plain click. */
export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
